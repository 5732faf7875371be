package org.incrowd.web.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.ViewResolver;

/**
 * Pages are JTE templates compiled at build time (src/main/jte), so a mistake in a template breaks the build rather
 * than a page. A view name "jam/home" renders src/main/jte/jam/home.jte.
 */
@Configuration(proxyBeanMethods = false)
class JteConfiguration {

    @Bean
    TemplateEngine templateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    ViewResolver jteViewResolver(TemplateEngine templateEngine) {
        return new JteViewResolver(templateEngine);
    }

    /** Leaves redirect: and forward: to Spring's own resolver. */
    record JteViewResolver(TemplateEngine engine) implements ViewResolver, Ordered {

        @Override
        public org.springframework.web.servlet.View resolveViewName(String viewName, java.util.Locale locale) {
            if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
                return null;
            }
            return new JteView(engine, viewName + ".jte");
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
