package org.incrowd.help.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The websites that may show a stream's embeddable page in a frame: origins (scheme, host, optional port) that its
 * {@code Content-Security-Policy: frame-ancestors} names. HTTPS only, except localhost and 127.0.0.1 for trying it
 * out; no paths, wildcards or keywords, so an entry can never widen the list beyond the site it names.
 */
@Service
class EmbedOrigins {

    static final int MAX_ORIGINS = 20;

    private final JdbcClient jdbc;
    private final Expertise expertise;

    EmbedOrigins(JdbcClient jdbc, Expertise expertise) {
        this.jdbc = jdbc;
        this.expertise = expertise;
    }

    /** The allowed origins of a stream, in the order they were typed (read for anyone: they are in every response). */
    List<String> of(long jamId) {
        return jdbc.sql("select origin from help_embed_origin where jam_id = ? order by origin").param(jamId)
                .query(String.class).list();
    }

    /** Organisers replace the list: one origin per line; a bad line refuses the whole list, naming the line. */
    @Transactional
    List<String> replace(Actor actor, long jamId, String typed) {
        expertise.requireStream(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("help.embed.organisersOnly");
        }
        var origins = parse(typed);
        jdbc.sql("delete from help_embed_origin where jam_id = ?").param(jamId).update();
        for (String origin : origins) {
            jdbc.sql("insert into help_embed_origin (jam_id, origin) values (?, ?)").params(jamId, origin).update();
        }
        return of(jamId);
    }

    /** Each non-empty line as a canonical origin ("https://shop.example.com:8443"), or a refusal naming the line. */
    static Set<String> parse(String typed) {
        var origins = new LinkedHashSet<String>();
        for (String line : (typed == null ? "" : typed).split("\\R")) {
            String entry = line.strip();
            if (!entry.isEmpty()) {
                origins.add(origin(entry));
            }
        }
        if (origins.size() > MAX_ORIGINS) {
            throw Refusal.invalid("origins", "help.embed.tooMany", MAX_ORIGINS);
        }
        return origins;
    }

    private static String origin(String entry) {
        URI uri;
        try {
            uri = new URI(entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry);
        } catch (URISyntaxException e) {
            throw Refusal.invalid("origins", "help.embed.badOrigin", entry);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        boolean hostOk = host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
        if (!bare || !hostOk || !(scheme.equals("https") || scheme.equals("http"))) {
            throw Refusal.invalid("origins", "help.embed.badOrigin", entry);
        }
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (scheme.equals("http") && !local) {
            throw Refusal.invalid("origins", "help.embed.httpsRequired", entry);
        }
        return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
