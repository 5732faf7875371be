package org.incrowd.report.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.incrowd.discussion.PostFeed;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;

/**
 * Everyone who posted or reacted in an export's scope, as the export may show them: a number (their place in id
 * order, the participant id of the Pol.is files), a pseudonym, their participant type and how often they posted.
 * Held as arrays, a few bytes a person, never as the posts or reactions themselves. Names, e-mail addresses, units
 * and account ids are never read into it, except the ids, which it only turns into numbers and pseudonyms.
 */
final class OpenDataPeople {

    private static final int LOOKUP_BATCH = 1000;
    private static final ParticipantType[] TYPES = ParticipantType.values();

    private final long[] ids;
    private final int[] posts;
    private final byte[] types;
    private final Mac pseudonyms;
    private final String scope;

    private OpenDataPeople(long[] ids, int[] posts, byte[] types, Mac pseudonyms, String scope) {
        this.ids = ids;
        this.posts = posts;
        this.types = types;
        this.pseudonyms = pseudonyms;
        this.scope = scope;
    }

    /** @param scope names the export's scope, so that the same person has another pseudonym in another scope */
    static OpenDataPeople read(PostFeed feed, IdentityService identity, long jamId, Long forumId, String scope,
                               byte[] secret) {
        var activity = new ArrayList<long[]>();
        feed.forEachParticipant(jamId, forumId, person -> activity.add(new long[] {person.personId(), person.posts()}));
        activity.sort((a, b) -> Long.compare(a[0], b[0]));
        int n = activity.size();
        long[] ids = new long[n];
        int[] posts = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = activity.get(i)[0];
            posts[i] = (int) activity.get(i)[1];
        }
        byte[] types = new byte[n];
        Arrays.fill(types, (byte) -1);
        for (int from = 0; from < n; from += LOOKUP_BATCH) {
            var batch = new ArrayList<Long>(LOOKUP_BATCH);
            for (int i = from; i < Math.min(n, from + LOOKUP_BATCH); i++) {
                batch.add(ids[i]);
            }
            var people = identity.findAll(batch);
            for (int i = from; i < Math.min(n, from + LOOKUP_BATCH); i++) {
                var person = people.get(ids[i]);
                if (person != null && person.participantType() != null) {
                    types[i] = (byte) person.participantType().ordinal();
                }
            }
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return new OpenDataPeople(ids, posts, types, mac, scope);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    int size() {
        return ids.length;
    }

    /** The person's number in this export (0, 1, 2 … in id order); -1 for someone outside the scope. */
    int number(long personId) {
        int at = Arrays.binarySearch(ids, personId);
        return at < 0 ? -1 : at;
    }

    long personAt(int number) {
        return ids[number];
    }

    int postsAt(int number) {
        return posts[number];
    }

    /** The participant type's name, or null when unknown. */
    String typeAt(int number) {
        return number < 0 || types[number] < 0 ? null : TYPES[types[number]].name();
    }

    /**
     * A keyed hash of the scope and the person id: stable within the scope, different in another, and without the
     * server's key no one can tell whose it is, nor try every account id to find out.
     */
    String pseudonym(long personId) {
        byte[] hash = pseudonyms.doFinal((scope + ":" + personId).getBytes(StandardCharsets.UTF_8));
        return "p-" + HexFormat.of().formatHex(hash, 0, 8);
    }
}
