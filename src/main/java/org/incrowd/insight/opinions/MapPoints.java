package org.incrowd.insight.opinions;

import com.github.benmanes.caffeine.cache.Cache;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.shared.InstallationSecrets;
import org.incrowd.insight.shared.NodeCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The points of an opinion map in the order the chart gets them. A map's placements are stored by person id, and
 * ids are public (as a post's {@code authorId}), so listing points in that order would tell who sits where. Points
 * are listed by a keyed hash of the map's scope and the person instead (HMAC-SHA256 with a secret of this
 * installation): without the secret the order says nothing about who a point is, and with it the order is the same
 * on every request, node and recompute, so the chart does not jump. Each map is ordered once per node.
 */
@Component
class MapPoints {

    private static final String ALGORITHM = "HmacSHA256";

    private record Scope(long jamId, long forumId) {
    }

    private record Ordered(Instant computedAt, List<Placement> points) {
    }

    private final SecretKeySpec key;
    private final Cache<Scope, Ordered> ordered = NodeCache.weighing(OpinionSnapshots.KEPT_ELEMENTS,
            map -> map.points().size());

    @Autowired
    MapPoints(InstallationSecrets secrets) {
        this(secrets.get("opinion-map-points"));
    }

    /** With a secret of the caller's choosing, for tests. */
    MapPoints(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Every placement of the map, in the keyed order. */
    List<Placement> of(OpinionSnapshot map) {
        if (map.computedAt() == null) {
            return List.of();
        }
        var scope = new Scope(map.jamId(), map.forumId());
        var kept = ordered.getIfPresent(scope);
        if (kept == null || !kept.computedAt().equals(map.computedAt())) {
            kept = new Ordered(map.computedAt(), order(map.placements(), map.jamId(), map.forumId()));
            ordered.put(scope, kept);
        }
        return kept.points();
    }

    List<Placement> order(List<Placement> placements, long jamId, long forumId) {
        var mac = mac();
        record Keyed(long hash, Placement placement) {
        }
        return placements.stream()
                .map(placement -> new Keyed(hash(mac, jamId, forumId, placement.participant()), placement))
                .sorted(Comparator.comparingLong(Keyed::hash).thenComparingLong(k -> k.placement().participant()))
                .map(Keyed::placement)
                .toList();
    }

    private static long hash(Mac mac, long jamId, long forumId, long personId) {
        var input = ByteBuffer.allocate(3 * Long.BYTES).putLong(jamId).putLong(forumId).putLong(personId).array();
        return ByteBuffer.wrap(mac.doFinal(input)).getLong();
    }

    private Mac mac() {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
