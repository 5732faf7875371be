package org.incrowd.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people reach Incrowd at ({@code incrowd.public-url}, e.g. {@code https://jams.example.org}), for the
 * few answers that must carry an absolute URL. Never the request's {@code Host} header, which anyone can set: a
 * {@code Host: evil.example} must not send people to evil.example. Without the setting, redirects are relative
 * ({@code Location: /signin}), which browsers resolve against the address they used.
 */
@Component
public class PublicUrl {

    private final String base;

    public PublicUrl(@Value("${incrowd.public-url:}") String base) {
        String trimmed = base == null ? "" : base.strip();
        this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        if (!this.base.isEmpty() && !this.base.matches("https?://[^/?#@]+(/[^?#]*)?")) {
            throw new SettingRejected("incrowd.public-url", "must look like https://jams.example.org, not " + base);
        }
    }

    public boolean isConfigured() {
        return !base.isEmpty();
    }

    /** The address of a path of this application ("/signin"): absolute where configured, else the path itself. */
    public String of(String path) {
        return base + path;
    }

    /**
     * An address that works outside a browser tab (in a mail, a webhook): the configured one, or else this machine's
     * own ({@code http://localhost:<port>}), which is right for the embedded demo and wrong for everyone else, so a
     * real installation sets {@code incrowd.public-url}.
     */
    public String absolute(String path) {
        if (isConfigured()) {
            return base + path;
        }
        String port = environment == null ? null : environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
        return "http://localhost:" + (port == null ? "8080" : port) + path;
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setEnvironment(org.springframework.core.env.Environment environment) {
        this.environment = environment;
    }

    private org.springframework.core.env.Environment environment;
}
