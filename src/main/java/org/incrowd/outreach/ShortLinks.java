package org.incrowd.outreach;

import java.util.List;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.outreach.internal.ShortLinkRows;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Short links to a Jam or one of its forums: made and revoked by the Jam's organisers and staff (the people who put
 * up posters), followed by anyone. Following a link counts a visit for the day and leads where the Jam's own pages
 * decide who may read (guests of a guest-readable Jam, everyone else after sign-in).
 */
@Service
public class ShortLinks {

    /** Codes drawn before giving up: with 8.5 × 10¹¹ codes a second draw is already rare. */
    private static final int DRAWS = 5;

    private final ShortLinkRows rows;
    private final JamService jams;

    ShortLinks(ShortLinkRows rows, JamService jams) {
        this.rows = rows;
        this.jams = jams;
    }

    /** What following a link finds: where it leads, or that it was withdrawn; empty when there is no such link. */
    public sealed interface Visit {
        record Leads(ShortLink link) implements Visit {
        }

        record Withdrawn(ShortLink link) implements Visit {
        }
    }

    /**
     * A new link to the Jam ({@code forumId} null) or one of its forums, with the organiser's readable slug if one
     * is given. Refused with a message on the {@code slug} field when the slug does not fit or is taken.
     */
    @Transactional
    public ShortLink create(Actor actor, long jamId, Long forumId, String slug) {
        jams.requireOrganiserOrStaff(actor, jamId);
        if (forumId != null && jams.findForum(forumId).filter(f -> f.jamId() == jamId).isEmpty()) {
            throw Refusal.invalid("forumId", "outreach.link.foreignForum");
        }
        String checked = ShortLinkRules.checkSlug(slug);
        if (checked != null && rows.taken(checked)) {
            throw Refusal.invalid("slug", "outreach.slug.taken", checked);
        }
        String code = freshCode();
        try {
            rows.insert(code, checked, jamId, forumId, actor.personId(), jams.now());
        } catch (org.springframework.dao.DuplicateKeyException sameSlugAtOnce) {
            throw Refusal.invalid("slug", "outreach.slug.taken", checked);
        }
        return rows.findByKey(code, jams.now()).orElseThrow();
    }

    /** The Jam's links, newest first, with their visit counts: for its organisers and staff. */
    public List<ShortLink> ofJam(Actor actor, long jamId) {
        jams.requireOrganiserOrStaff(actor, jamId);
        return rows.ofJam(jamId, jams.now());
    }

    /** One link of the Jam, for its organisers and staff (the poster, the QR code); 404 for another Jam's. */
    public ShortLink require(Actor actor, long jamId, String key) {
        jams.requireOrganiserOrStaff(actor, jamId);
        return rows.findByKey(ShortLinkRules.normalise(key), jams.now()).filter(l -> l.jamId() == jamId)
                .orElseThrow(() -> Refusal.notFound("outreach.link.unknown"));
    }

    /** Withdraws a link: its address then says so (410) and is never given to another link. */
    @Transactional
    public void revoke(Actor actor, long jamId, String key) {
        var link = require(actor, jamId, key);
        rows.revoke(link.id(), actor.personId(), jams.now());
    }

    /** Someone followed {@code /s/{key}}: counts the visit of a live link and says where it leads. */
    @Transactional
    public Optional<Visit> follow(String key) {
        return rows.findByKey(ShortLinkRules.normalise(key), jams.now()).map(link -> {
            if (link.revoked()) {
                return new Visit.Withdrawn(link);
            }
            rows.countVisit(link.id(), jams.now());
            return new Visit.Leads(link);
        });
    }

    /** A link as anyone may see it (its QR code): live or withdrawn, no visit counted. */
    public Optional<ShortLink> find(String key) {
        return rows.findByKey(ShortLinkRules.normalise(key), jams.now());
    }

    private String freshCode() {
        for (int i = 0; i < DRAWS; i++) {
            String code = ShortLinkRules.newCode();
            if (!rows.taken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No free short code after " + DRAWS + " draws");
    }
}
