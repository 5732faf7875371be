package org.incrowd.identity.internal;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.incrowd.shared.KeptForm;
import org.incrowd.shared.PublicUrl;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach which URL at all: guests see only the front door; everything else needs an account, and the modules
 * then check what that account may do with their data. Pages use sessions with CSRF tokens; the API also accepts
 * personal tokens, which need no CSRF token because a browser never sends them by itself. Where the operator configured
 * an OpenID Connect provider, people may also sign in there (see {@link SingleSignOnSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere: user content can never run as script even if it slipped through. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Answered for programs (401/403 as problem JSON, no sign-in page): the API and the operations endpoints. */
    private static final RequestMatcher API = request -> pathOf(request).startsWith("/api/")
            || pathOf(request).startsWith("/actuator/");

    /**
     * No observation per security filter and per authorisation decision: on every request they cost about a tenth of
     * a thread page's time (ADR 51), and {@code http.server.requests} already times each request. Sign-ins are still
     * observed (they are few).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).build();
    }

    @Bean
    PasswordEncoder passwordEncoder(@Value("${incrowd.passwords.bcrypt-strength:"
            + PasswordHashing.DEFAULT_BCRYPT_STRENGTH + "}") int strength) {
        // The algorithm and its cost are recorded in each hash, so a stronger one can take over without a reset.
        return PasswordHashing.encoder(strength);
    }

    @Bean
    SignInAttempts signInAttempts(Clock clock,
                                  @Value("${incrowd.sign-in.failures-per-email-and-address:10}") int perPair,
                                  @Value("${incrowd.sign-in.failures-per-email:50}") int perEmail,
                                  @Value("${incrowd.sign-in.failures-per-address:200}") int perAddress) {
        return new SignInAttempts(new SignInAttempts.Limits(perPair, perEmail, perAddress), clock);
    }

    @Bean
    SignUpAttempts signUpAttempts(Clock clock,
                                  @Value("${incrowd.sign-up.per-email:5}") int perEmail,
                                  @Value("${incrowd.sign-up.per-address:100}") int perAddress) {
        return new SignUpAttempts(new SignUpAttempts.Limits(perEmail, perAddress), clock);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, PersonRepository people,
                                            SignInAttempts attempts, SignInRecords records,
                                            SingleSignOnProviders singleSignOnProviders,
                                            SingleSignOnSignIn singleSignOn, PublicUrl publicUrl,
                                            MessageSource messages, Clock clock) throws Exception {
        boolean withSingleSignOn = singleSignOnProviders.configured();
        var signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/signin");
        http
            .authorizeHttpRequests(requests -> {
                // The request itself was checked; the end of a live stream (async dispatch) and error pages of an
                // already refused request need no second check, which would fail on a committed response.
                requests.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC,
                        jakarta.servlet.DispatcherType.ERROR).permitAll();
                requests.requestMatchers("/", "/signin", "/signup", "/setup", "/error", KeptForm.PATH, "/css/**",
                        "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon*.svg", "/actuator/health/**", "/v3/api-docs/**").permitAll();
                // The links mailed about an account work signed in or not; asking for a new one needs an account.
                requests.requestMatchers(HttpMethod.POST, "/verify/resend").authenticated();
                requests.requestMatchers(HttpMethod.GET, "/verify/{token}", "/verified", "/reset", "/reset/{token}")
                        .permitAll();
                requests.requestMatchers(HttpMethod.POST, "/verify/{token}/renew", "/reset", "/reset/{token}")
                        .permitAll();
                // The link in an invitation mail is its own permission (the jam module checks the token).
                requests.requestMatchers("/invitations/*", "/invitations/*/account").permitAll();
                // Guests read the Jams opened to them (JamService decides which); the rest needs an account.
                requests.requestMatchers(HttpMethod.GET, "/jams", "/jams/{jamId:\\d+}", "/forums/{forumId:\\d+}",
                        "/threads/{ideaId:\\d+}", "/posts/{postId:\\d+}", "/jams/{jamId:\\d+}/open-data",
                        "/jams/{jamId:\\d+}/open-data.zip").permitAll();
                // and the parts of those pages that their live regions fetch again, answered as the pages are
                requests.requestMatchers(HttpMethod.GET, "/jams/{jamId:\\d+}/sections/*", "/forums/{forumId:\\d+}/ideas",
                        "/threads/{ideaId:\\d+}/replies").permitAll();
                // Short links on posters and their QR codes are for anyone with a phone (outreach decides).
                requests.requestMatchers(HttpMethod.GET, "/s/*", "/s/*/qr.svg").permitAll();
                // Help streams: guests read streams opened to them (the help module decides which), and customers
                // without an account ask and follow the links mailed to them (the tokens are the authority).
                requests.requestMatchers(HttpMethod.GET, "/help/{jamId:\\d+}", "/help/{jamId:\\d+}/topics/{forumId:\\d+}",
                        "/help/questions/{questionId:\\d+}", "/help/{jamId:\\d+}/asked", "/help/confirm/*",
                        "/help/answered/*").permitAll();
                requests.requestMatchers(HttpMethod.GET, "/help/{jamId:\\d+}/ask").permitAll();
                requests.requestMatchers(HttpMethod.POST, "/help/{jamId:\\d+}/ask/mail").permitAll();
                // A help stream's embeddable page and Atom feed are read by guests where the stream is open to
                // them (the help module asks JamService, as for the Jam's own pages).
                requests.requestMatchers(HttpMethod.GET, "/help/{jamId:\\d+}/embed", "/help/{jamId:\\d+}/feed.atom")
                        .permitAll();
                // One-click unsubscribe from a mail (RFC 8058): the token in the link is the only authority.
                requests.requestMatchers("/unsubscribe/*").permitAll();
                // A kiosk is its own door: the device's cookie and the person's code are checked by the kiosk module.
                requests.requestMatchers("/kiosk", "/kiosk/**").permitAll();
                // Metrics show routes and traffic: administrators only (Prometheus scrapes with an API token).
                requests.requestMatchers("/actuator/**").hasRole("ADMINISTRATOR");
                if (withSingleSignOn) {
                    requests.requestMatchers("/oauth2/**", "/login/oauth2/**").permitAll();
                }
                requests.anyRequest().authenticated();
            })
            .formLogin(form -> form
                .loginPage("/signin").loginProcessingUrl("/signin")
                .usernameParameter("email").passwordParameter("password")
                .successHandler(new SignInOutcome.Succeeded(attempts, records, publicUrl))
                .failureHandler(new SignInOutcome.Failed(attempts, records, people)))
            .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedOut"))
            .csrf(csrf -> csrf.ignoringRequestMatchers(request -> ApiTokenAuthentication.carriesToken(request)
                    || (API.matches(request) && request.getSession(false) == null)
                    || request.getRequestURI().startsWith("/unsubscribe/") // mail readers post without a session
                    // A kiosk sends what was written offline later, after its session (and token) ended; the device
                    // cookie it needs is SameSite=Strict, which no other site's page can send.
                    || pathOf(request).equals("/kiosk/acts")
                    // Ending a kiosk session can only sign someone out, and the countdown must reach the code form
                    // even when the session (and its token) already ended.
                    || pathOf(request).equals("/kiosk/signout")))
            .exceptionHandling(errors -> errors
                .defaultAuthenticationEntryPointFor((request, response, e) -> problem(response,
                        HttpStatus.UNAUTHORIZED, "Sign in, or send a personal API token as 'Authorization: Bearer <token>'."),
                        API)
                .defaultAuthenticationEntryPointFor(new SignInEntryPoint(publicUrl), request -> !API.matches(request))
                .defaultAccessDeniedHandlerFor((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                        "Forbidden: " + e.getMessage()), API)
                .defaultAccessDeniedHandlerFor(new SignInOutcome.RefusedPage(publicUrl),
                        request -> !API.matches(request)))
            .headers(headers -> headers
                // The policy and X-Frame-Options in one writer: an embeddable page may name who frames it (Framing).
                .frameOptions(frame -> frame.disable())
                .addHeaderWriter(new FramingHeaders(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
            .addFilterBefore(new SignInRateLimit(attempts, signIn), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new ApiTokenAuthentication(tokens, people), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new SessionRefresh(people), SecurityContextHolderFilter.class)
            .addFilterAfter(new KioskBoundary(clock), SessionRefresh.class)
            .addFilterBefore(new UploadsByOrganisersOnly(messages), CsrfFilter.class)
            .addFilterAfter(new UploadsByOrganisersOnly(messages), ApiTokenAuthentication.class);
        if (withSingleSignOn) {
            // Only when an operator configured an OpenID Connect provider: /oauth2/authorization/<id> starts the
            // sign-in there, /login/oauth2/code/<id> receives the answer; the session then holds a SignedInPerson.
            http.oauth2Login(login -> login
                .loginPage("/signin")
                .authorizedClientRepository(SingleSignOnSignIn.NO_TOKENS_KEPT)
                .successHandler(singleSignOn)
                .failureHandler(singleSignOn));
        }
        return http.build();
    }

    /** The path inside the application, whatever servlet path or context path it is deployed under. */
    static String pathOf(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"status\":" + status.value() + ",\"title\":\"" + status.getReasonPhrase()
                + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }

}
