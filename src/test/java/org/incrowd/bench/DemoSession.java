package org.incrowd.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A demo person signed in through the sign-in form, as a browser does: benchmarks read and write as them. */
final class DemoSession {

    static final String PARTICIPANT = "participant@demo.incrowd.example";
    static final String PARTICIPANT_PASSWORD = "demo-participant-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">([^<]+)<");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private DemoSession(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs the demo participant in at {@code base} (e.g. http://localhost:8080). */
    static DemoSession participant(URI base) throws IOException, InterruptedException {
        return signedIn(base, PARTICIPANT, PARTICIPANT_PASSWORD);
    }

    /** Signs a person in at {@code base} through the sign-in form, as a browser does. */
    static DemoSession signedIn(URI base, String email, String password) throws IOException, InterruptedException {
        var session = new DemoSession(base);
        session.signIn(email, password);
        return session;
    }

    HttpClient client() {
        return client;
    }

    /** The session cookie ({@code JSESSIONID=...}), for clients that do not share this one's cookie store. */
    String cookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::toString).findFirst().orElseThrow();
    }

    /** A new personal API token, created on the profile page; it outlives the session (and a server restart). */
    String createApiToken(String name) throws IOException, InterruptedException {
        String answer = submit("/profile", "/profile/tokens", "name=" + encode(name), 200);
        var token = NEW_TOKEN.matcher(answer);
        if (!token.find()) {
            throw new IllegalStateException("The profile page showed no new token");
        }
        return token.group(1).strip();
    }

    private void signIn(String email, String password) throws IOException, InterruptedException {
        submit("/signin", "/signin", "email=" + encode(email) + "&password=" + encode(password), 302);
    }

    /** Reads the CSRF token from {@code formPage}, posts {@code fields} with it, expects {@code status}. */
    private String submit(String formPage, String action, String fields, int status)
            throws IOException, InterruptedException {
        var form = client.send(HttpRequest.newBuilder(base.resolve(formPage)).build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on " + formPage);
        }
        var answer = client.send(HttpRequest.newBuilder(base.resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != status || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(action + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
