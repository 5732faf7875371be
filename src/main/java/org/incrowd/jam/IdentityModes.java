package org.incrowd.jam;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.internal.IdentityModeRows;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity mode of each Jam and forum: a forum follows its Jam unless the organiser set one for it. Every page,
 * export and message that names an author asks here first (ADR 41).
 */
@Service
public class IdentityModes {

    /** A forum's effective mode, and whether a pseudonym may show the author's country there. */
    public record ForumIdentity(long forumId, long jamId, IdentityMode mode, boolean showsCountry) {

        public static ForumIdentity named(long forumId, long jamId) {
            return new ForumIdentity(forumId, jamId, IdentityMode.NAMED, false);
        }
    }

    private final IdentityModeRows rows;
    private final JamService jams;

    IdentityModes(IdentityModeRows rows, JamService jams) {
        this.rows = rows;
        this.jams = jams;
    }

    public ForumIdentity ofForum(long forumId) {
        return ofForums(java.util.List.of(forumId)).getOrDefault(forumId, ForumIdentity.named(forumId, 0));
    }

    /** The effective modes of these forums, in one query. Unknown forums are absent. */
    public Map<Long, ForumIdentity> ofForums(Collection<Long> forumIds) {
        var result = new HashMap<Long, ForumIdentity>();
        if (!forumIds.isEmpty()) {
            rows.forums(forumIds).forEach(f -> result.put(f.forumId(), f));
        }
        return result;
    }

    /** The Jam's own mode (what its forums follow unless set otherwise). */
    public IdentityMode ofJam(long jamId) {
        return rows.jamMode(jamId);
    }

    /** Whether any forum of the Jam hides names: pages that list people of the whole Jam must then name no one. */
    public boolean anyHidden(long jamId) {
        return rows.anyHidden(jamId);
    }

    /** The organiser sets the Jam's mode and whether pseudonyms show the country. */
    @Transactional
    public void setForJam(Actor actor, long jamId, IdentityMode mode, boolean showsCountry) {
        requireOrganiser(actor, jamId);
        rows.setJam(jamId, mode, showsCountry);
    }

    /** The organiser sets one forum's mode; null lets it follow the Jam again. */
    @Transactional
    public void setForForum(Actor actor, long forumId, IdentityMode mode) {
        var place = jams.requireForum(actor, forumId);
        requireOrganiser(actor, place.jam().id());
        rows.setForum(forumId, mode);
    }

    private void requireOrganiser(Actor actor, long jamId) {
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("jam.organisersOnly");
        }
        jams.require(actor, jamId);
    }
}
