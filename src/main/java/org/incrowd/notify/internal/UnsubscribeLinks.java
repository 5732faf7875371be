package org.incrowd.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.incrowd.notify.NotificationKind;
import org.incrowd.shared.PublicUrl;
import org.incrowd.shared.ServerSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links ({@code /unsubscribe/<token>}, RFC 8058). The token is {@code <person>.<scope>.<mac>},
 * the mac an HMAC-SHA256 (256 bits) of person and scope under a server secret that is not in the database: a leaked
 * database forges no link, and nothing needs storing per mail, so 150,000 mails cost no token rows. A token can only
 * switch off the one kind of mail it came with (or the daily digest); it names no address and shows nothing else.
 * The secret is {@code incrowd.notify.secret}, or else a random one kept in a file of the data folder.
 */
@Component
public class UnsubscribeLinks {

    /** The scope of the daily digest's link: it stops every kind gathered there. */
    static final String DIGEST = "DIGEST";
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,19})\\.([A-Z_]{1,40})\\.([A-Za-z0-9_-]{43})");

    private final ServerSecret secret;
    private final PublicUrl publicUrl;

    UnsubscribeLinks(@Value("${incrowd.notify.secret:}") String configured,
                     @Value("${incrowd.data-dir:./data}") String dataDir, PublicUrl publicUrl) {
        this.secret = ServerSecret.of(configured, dataDir, "notify-unsubscribe.key", "incrowd.notify.secret");
        this.publicUrl = publicUrl;
    }

    /** What a valid token allows: this person stops this scope's mail. */
    public record Unsubscribe(long personId, String scope) {

        /** The kind it stops, or empty for the daily digest. */
        public Optional<NotificationKind> kind() {
            return DIGEST.equals(scope) ? Optional.empty() : Optional.of(NotificationKind.valueOf(scope));
        }
    }

    /** The absolute link for a mail of {@code kind} to {@code personId}. */
    public String forKind(long personId, NotificationKind kind) {
        return url(personId, kind.name());
    }

    String forDigest(long personId) {
        return url(personId, DIGEST);
    }

    private String url(long personId, String scope) {
        return publicUrl.absolute("/unsubscribe/" + personId + "." + scope + "." + mac(personId, scope));
    }

    /** The token's meaning, or empty for anything that is not a token this server made (compared in constant time). */
    public Optional<Unsubscribe> read(String token) {
        var parts = SHAPE.matcher(token == null ? "" : token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        long personId;
        try {
            personId = Long.parseLong(parts.group(1));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        String scope = parts.group(2);
        boolean known = DIGEST.equals(scope) || java.util.Arrays.stream(NotificationKind.values())
                .anyMatch(kind -> kind.name().equals(scope));
        boolean genuine = MessageDigest.isEqual(mac(personId, scope).getBytes(StandardCharsets.US_ASCII),
                parts.group(3).getBytes(StandardCharsets.US_ASCII));
        return known && genuine ? Optional.of(new Unsubscribe(personId, scope)) : Optional.empty();
    }

    private String mac(long personId, String scope) {
        return secret.mac("unsubscribe:" + personId + ":" + scope);
    }
}
