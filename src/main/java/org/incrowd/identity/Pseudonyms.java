package org.incrowd.identity;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.internal.PseudonymRows;
import org.incrowd.shared.ServerSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Each person's stable pseudonym within one Jam ("Blue Heron 42"), never the same across Jams (ADR 41). It is
 * derived from a keyed hash of (Jam, person) under a secret that is not in the database, so a dump of the database
 * alone cannot tell whose pseudonym is whose, nor that two Jams' pseudonyms belong to one person. The first use in
 * a Jam records the pseudonym against the keyed hash only, which keeps it unique in that Jam: when two people's
 * hashes pick the same words, the later one takes the next candidate of its own sequence.
 */
@Service
public class Pseudonyms {

    private static final List<String> ADJECTIVES = List.of("Amber", "Azure", "Bold", "Brave", "Bright", "Calm",
            "Clever", "Coral", "Crimson", "Dawn", "Eager", "Gentle", "Golden", "Green", "Grey", "Hazel", "Honest",
            "Indigo", "Ivory", "Jade", "Keen", "Kind", "Lively", "Lucky", "Merry", "Mint", "Misty", "Noble", "Ochre",
            "Olive", "Patient", "Pearl", "Plum", "Quick", "Quiet", "Rapid", "Red", "Rose", "Ruby", "Sage", "Silver",
            "Sky", "Slate", "Steady", "Sunny", "Swift", "Teal", "Violet", "Warm", "Wise", "Blue", "Cedar", "Copper",
            "Frost", "Maple", "Night", "North", "River", "Snow", "Spring", "Stone", "Storm", "Summer", "Willow");
    private static final List<String> ANIMALS = List.of("Badger", "Bear", "Beaver", "Bison", "Crane", "Deer",
            "Dolphin", "Eagle", "Egret", "Falcon", "Finch", "Fox", "Gazelle", "Gull", "Hare", "Hawk", "Heron", "Ibis",
            "Jay", "Kestrel", "Kingfisher", "Koala", "Lark", "Lemur", "Lynx", "Marten", "Mole", "Moose", "Newt",
            "Otter", "Owl", "Panda", "Pelican", "Penguin", "Puffin", "Quail", "Rabbit", "Raven", "Robin", "Salmon",
            "Seal", "Sparrow", "Stork", "Swan", "Swift", "Tern", "Tiger", "Trout", "Turtle", "Walrus", "Whale", "Wolf",
            "Wren", "Yak", "Zebra", "Orca", "Oriole", "Plover", "Heron", "Bittern", "Curlew", "Gecko", "Ferret",
            "Stoat");
    private static final int NUMBERS = 999;

    private final PseudonymRows rows;
    private final ServerSecret secret;

    Pseudonyms(PseudonymRows rows, @Value("${incrowd.privacy.pseudonym-secret:}") String configured,
               @Value("${incrowd.data-dir:./data}") String dataDir) {
        this.rows = rows;
        this.secret = ServerSecret.of(configured, dataDir, "pseudonym.key", "incrowd.privacy.pseudonym-secret");
    }

    /** This person's pseudonym in this Jam, handed out on first use and the same ever after. */
    public String of(long jamId, long personId) {
        return of(jamId, List.of(personId)).get(personId);
    }

    /** The pseudonyms of these people in this Jam, in as few queries as the Jam's earlier use allows. */
    public Map<Long, String> of(long jamId, Collection<Long> personIds) {
        var holders = new HashMap<String, Long>();
        personIds.forEach(id -> holders.put(holder(jamId, id), id));
        var result = new HashMap<Long, String>();
        rows.find(jamId, holders.keySet()).forEach((holder, pseudonym) -> result.put(holders.get(holder), pseudonym));
        holders.forEach((holder, personId) -> {
            if (!result.containsKey(personId)) {
                result.put(personId, handOut(jamId, holder));
            }
        });
        return result;
    }

    private String handOut(long jamId, String holder) {
        for (int attempt = 0; ; attempt++) {
            String candidate = candidate(holder, attempt);
            if (rows.claim(jamId, holder, candidate)) {
                return candidate;
            }
            // The candidate is someone else's, or another node handed this holder one a moment ago.
            var meanwhile = rows.find(jamId, List.of(holder)).get(holder);
            if (meanwhile != null) {
                return meanwhile;
            }
        }
    }

    /** The keyed hash that stands for this person in this Jam's table; without the secret it names no one. */
    private String holder(long jamId, long personId) {
        return secret.mac("pseudonym:" + jamId + ":" + personId);
    }

    private String candidate(String holder, int attempt) {
        var bits = ByteBuffer.wrap(secret.macBytes(holder + ":" + attempt));
        String adjective = ADJECTIVES.get(Math.floorMod(bits.getInt(), ADJECTIVES.size()));
        String animal = ANIMALS.get(Math.floorMod(bits.getInt(), ANIMALS.size()));
        int number = 1 + Math.floorMod(bits.getInt(), NUMBERS);
        return adjective + " " + animal + " " + number;
    }
}
