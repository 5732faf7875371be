package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.incrowd.shared.Viewer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The page language: the one chosen on the person's profile, else the browser's preference among the languages
 * Incrowd speaks completely, else English.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        var browser = new AcceptHeaderLocaleResolver();
        browser.setSupportedLocales(SUPPORTED);
        browser.setDefaultLocale(Locale.ENGLISH);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof Viewer viewer
                        && viewer.language() != null) {
                    var chosen = Locale.forLanguageTag(viewer.language());
                    if (SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(chosen.getLanguage()))) {
                        return chosen;
                    }
                }
                return browser.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("The language is chosen on the profile page");
            }
        };
    }
}
