package org.incrowd.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.incrowd.support.Chromium;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in through the organisation's OpenID Connect provider, end to end over HTTP: a real OpenID Connect server
 * (mock-oauth2-server, on a free port) issues signed tokens with the claims each test asks for, and Incrowd runs on a
 * real server. A plain HTTP client with cookies follows the redirects as a browser would: Incrowd → the provider's
 * authorization endpoint → back to Incrowd with a code → Incrowd exchanges it for tokens → the page it lands on.
 */
@IncrowdBrowserTest
@DirtiesContext // the context points at this class's provider, which stops after the class
class SingleSignOnIntegrationTests {

    private static final String ISSUER = "corp";
    private static final String PROVIDER_NAME = "Contoso ID";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static MockOAuth2Server provider;

    @LocalServerPort
    int port;
    @Autowired
    org.incrowd.identity.internal.PersonRepository personRows;

    @Autowired
    IdentityService identity;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @DynamicPropertySource
    static void singleSignOnThroughTheTestProvider(DynamicPropertyRegistry registry) {
        startProvider();
        String registration = "spring.security.oauth2.client.registration." + ISSUER + ".";
        registry.add(registration + "client-name", () -> PROVIDER_NAME);
        registry.add(registration + "client-id", () -> "incrowd");
        registry.add(registration + "client-secret", () -> "incrowd-secret");
        registry.add(registration + "scope", () -> "openid,email,profile");
        registry.add("spring.security.oauth2.client.provider." + ISSUER + ".issuer-uri",
                () -> provider.issuerUrl(ISSUER).toString());
    }

    private static synchronized void startProvider() {
        if (provider == null) {
            provider = new MockOAuth2Server();
            provider.start(); // port 0: any free port
        }
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.shutdown();
            provider = null;
        }
    }

    @Test
    void aNewPersonLandsOnTheHomePageSignedInWithANewParticipantAccount() throws Exception {
        var browser = new HttpBrowser();
        long before = identity.count();

        var page = browser.signInThroughProvider("sub-ada", Map.of(
                "email", "Ada.Lovelace@Example.org", "email_verified", true, "name", "Ada Lovelace"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.body()).contains("Profile (Ada Lovelace)");
        var person = identity.findByEmail("ada.lovelace@example.org").orElseThrow();
        assertThat(person.roles()).containsExactly(Role.PARTICIPANT);
        assertThat(person.participantType()).isEqualTo(ParticipantType.EMPLOYEE);
        assertThat(person.displayName()).isEqualTo("Ada Lovelace");
        assertThat(identity.count()).isEqualTo(before + 1);
        assertThat(browser.signedInPersonId()).isEqualTo(person.id());
        var profile = browser.get("/profile");
        assertThat(profile.statusCode()).as("a page only signed-in people see").isEqualTo(200);
        assertThat(profile.uri().getPath()).isEqualTo("/profile");
    }

    @Test
    void aPersonWhoHasAPasswordAccountIsSignedIntoThatAccount() throws Exception {
        var grace = identity.register(new Registration("grace@example.org", "a long enough password", "Grace Hopper",
                "US", null, null, ParticipantType.EMPLOYEE, "en"), EnumSet.of(Role.ORGANISER, Role.PARTICIPANT));
        long before = identity.count();
        var browser = new HttpBrowser();

        var page = browser.signInThroughProvider("sub-grace", Map.of(
                "email", "GRACE@example.org", "email_verified", true, "name", "Rear Admiral Hopper"));

        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.body()).contains("Profile (Grace Hopper)");
        assertThat(browser.signedInPersonId()).isEqualTo(grace.id());
        assertThat(identity.count()).isEqualTo(before);
        var after = identity.require(grace.id());
        assertThat(after.roles()).containsExactlyInAnyOrder(Role.ORGANISER, Role.PARTICIPANT);
        assertThat(after.displayName()).isEqualTo("Grace Hopper");
    }

    @Test
    void anAddressTheProviderHasNotVerifiedIsRefusedWithAReasonAndNoAccount() throws Exception {
        var browser = new HttpBrowser();
        long before = identity.count();

        var page = browser.signInThroughProvider("sub-mallory", Map.of(
                "email", "mallory@example.org", "email_verified", false, "name", "Mallory"));

        assertThat(page.uri().getPath()).isEqualTo("/signin");
        assertThat(page.body()).contains("has not confirmed your e-mail address")
                .doesNotContain("Profile (");
        assertThat(identity.findByEmail("mallory@example.org")).isEmpty();
        assertThat(identity.count()).isEqualTo(before);
        var profile = browser.get("/profile");
        assertThat(profile.uri().getPath()).as("still a guest, sent to sign in").isEqualTo("/signin");
        assertThat(profile.statusCode()).isEqualTo(200);
    }

    @Test
    void withoutANameTheProviderUserNameOrTheAddressNamesTheNewAccount() throws Exception {
        new HttpBrowser().signInThroughProvider("sub-kit", Map.of(
                "email", "kit@example.org", "preferred_username", "kit.m"));
        new HttpBrowser().signInThroughProvider("sub-lin", Map.of("email", "lin.chen@example.org"));

        assertThat(identity.findByEmail("kit@example.org").orElseThrow().displayName()).isEqualTo("kit.m");
        assertThat(identity.findByEmail("lin.chen@example.org").orElseThrow().displayName()).isEqualTo("lin.chen");
    }

    @Test
    void theSignInPageOffersTheProvider() throws Exception {
        var page = new HttpBrowser().get("/signin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/oauth2/authorization/" + ISSUER + "\"")
                .contains("Sign in with " + PROVIDER_NAME)
                .contains("action=\"/signin\""); // e-mail and password stay
    }

    @Test
    void aPersonSignsInWithTheProviderInARealBrowser() throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "sub-ines", "JWT", null, Map.of(
                "email", "ines@example.org", "email_verified", true, "name", "Inès Duarte"), 3600));
        var chromium = Chromium.shared();
        try (var context = chromium.personalBrowser()) {
            var page = context.newPage();
            page.navigate("http://localhost:" + port + "/signin");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("signin-with-single-sign-on"))
                    .setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + PROVIDER_NAME)).click();

            PlaywrightAssertions.assertThat(
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile (Inès Duarte)")))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("signed-in-with-single-sign-on")));
        }
    }

    @Test
    void anAccountMadeBySingleSignOnCannotSignInWithAPassword() throws Exception {
        new HttpBrowser().signInThroughProvider("sub-noor", Map.of(
                "email", "noor@example.org", "email_verified", true, "name", "Noor"));
        var browser = new HttpBrowser();

        var page = browser.postForm("/signin", Map.of("email", "noor@example.org", "password", "any password at all"));

        assertThat(page.uri().getPath()).isEqualTo("/signin");
        assertThat(page.uri().getQuery()).isEqualTo("error");
        assertThat(page.body()).contains("The e-mail address or the password is not right.");
    }

    @Test
    void aDeactivatedAccountCannotSignInThroughTheProviderAndIsToldNothingMore() throws Exception {
        var rosa = identity.register(new Registration("rosa@example.org", "a long enough password", "Rosa Parks",
                "US", null, null, ParticipantType.EMPLOYEE, "en"), EnumSet.of(Role.PARTICIPANT));
        // As an administrator's deactivation leaves it (the people page is tested in identity.internal).
        jdbc.sql("update person set deactivated_at = current_timestamp where id = ?").param(rosa.id()).update();
        personRows.evict(rosa.id());

        var page = new HttpBrowser().signInThroughProvider("sub-rosa", Map.of(
                "email", "rosa@example.org", "email_verified", true, "name", "Rosa Parks"));

        assertThat(page.uri().getPath()).isEqualTo("/signin");
        assertThat(page.body()).contains("Signing in through your organisation did not work.")
                .doesNotContain("Profile (").doesNotContainIgnoringCase("deactivat");
    }

    @Test
    void anAnswerFromTheProviderThatIncrowdDidNotAskForEndsOnTheSignInPageWithAMessage() throws Exception {
        var page = new HttpBrowser().get("/login/oauth2/code/" + ISSUER + "?code=forged&state=forged");

        assertThat(page.uri().getPath()).isEqualTo("/signin");
        assertThat(page.body()).contains("Signing in through your organisation did not work.");
    }

    /** A cookie-keeping HTTP client that follows redirects and asks for English pages. */
    private final class HttpBrowser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        /** The provider will say these claims about the person; then the sign-in starts on Incrowd's side. */
        HttpResponse<String> signInThroughProvider(String subject, Map<String, Object> claims)
                throws IOException, InterruptedException {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", null, claims, 3600));
            return get("/oauth2/authorization/" + ISSUER);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            var matcher = CSRF.matcher(get("/signin").body());
            assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
            var form = new StringBuilder("_csrf=").append(encode(matcher.group(1)));
            fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
            return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Who the session is signed in as, from the API (which answers for session sign-ins too). */
        long signedInPersonId() throws IOException, InterruptedException {
            var me = get("/api/v1/me");
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            return new JsonMapper().readTree(me.body()).get("id").asLong();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html,*/*;q=0.8")
                    .header("Accept-Language", "en-GB").timeout(Duration.ofSeconds(30));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
