package org.incrowd.jam;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashMap;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.jam.internal.IdentityModeRows;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
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

    /** A forum's own setting: {@code mode} null means it follows the Jam, whose mode is {@code effective}. */
    public record ForumSetting(long forumId, long jamId, IdentityMode mode, IdentityMode effective) {
    }

    /** The Jam's setting as its organiser chose it. */
    public record JamSetting(long jamId, IdentityMode mode, boolean showsCountry) {
    }

    private final IdentityModeRows rows;
    private final JamService jams;
    private final ForumContent content;
    private final Pseudonyms pseudonyms;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;

    IdentityModes(IdentityModeRows rows, JamService jams, ForumContent content, Pseudonyms pseudonyms,
                  IdentityService identity, ApplicationEventPublisher events) {
        this.rows = rows;
        this.jams = jams;
        this.content = content;
        this.pseudonyms = pseudonyms;
        this.identity = identity;
        this.events = events;
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

    /** The Jam's own setting, for its organisers' form and API. */
    public JamSetting settingOfJam(Actor actor, long jamId) {
        requireOrganiser(actor, jamId);
        return new JamSetting(jamId, rows.jamMode(jamId), rows.jamShowsCountry(jamId));
    }

    /** One forum's own setting, for its organisers' form and API. */
    public ForumSetting settingOfForum(Actor actor, long forumId) {
        var place = jams.requireForum(actor, forumId);
        requireOrganiser(actor, place.jam().id());
        return new ForumSetting(forumId, place.jam().id(), rows.forumOwnMode(forumId), ofForum(forumId).mode());
    }

    /** The own settings of these forums (for the organiser's form), by forum id. */
    public Map<Long, ForumSetting> settingsOfForums(Actor actor, long jamId, Collection<Long> forumIds) {
        requireOrganiser(actor, jamId);
        var result = new LinkedHashMap<Long, ForumSetting>();
        ofForums(forumIds).forEach((id, forum) -> result.put(id,
                new ForumSetting(id, jamId, rows.forumOwnMode(id), forum.mode())));
        return result;
    }

    /**
     * The organiser sets the Jam's mode and whether pseudonyms show the country; once the Jam has posts, only towards
     * more privacy ({@link IdentityModeRules#onlyTowardsPrivacyOnceWritten}). Recorded in the audit trail.
     */
    @Transactional
    public void setForJam(Actor actor, long jamId, IdentityMode mode, boolean showsCountry) {
        requireOrganiser(actor, jamId);
        var before = new JamSetting(jamId, rows.jamMode(jamId), rows.jamShowsCountry(jamId));
        if (before.mode() == mode && before.showsCountry() == showsCountry) {
            return;
        }
        IdentityModeRules.onlyTowardsPrivacyOnceWritten(before.mode(), before.showsCountry(), mode, showsCountry,
                content.hasPosts(jamId, null));
        rows.setJam(jamId, mode, showsCountry);
        events.publishEvent(new AdministrativeAct(actor.personId(), CHANGED, "jam:" + jamId, null, Map.of(
                "old", before.mode().name(), "new", mode.name(),
                "oldShowsCountry", String.valueOf(before.showsCountry()),
                "newShowsCountry", String.valueOf(showsCountry))));
    }

    /**
     * The organiser sets one forum's mode; null lets it follow the Jam again. Once the forum has posts, its effective
     * mode may only move towards more privacy. Recorded in the audit trail.
     */
    @Transactional
    public void setForForum(Actor actor, long forumId, IdentityMode mode) {
        var place = jams.requireForum(actor, forumId);
        long jamId = place.jam().id();
        requireOrganiser(actor, jamId);
        var own = rows.forumOwnMode(forumId);
        if (own == mode) {
            return;
        }
        var before = ofForum(forumId);
        var after = mode == null ? rows.jamMode(jamId) : mode;
        IdentityModeRules.onlyTowardsPrivacyOnceWritten(before.mode(), before.showsCountry(), after,
                before.showsCountry(), content.hasPosts(jamId, forumId));
        rows.setForum(forumId, mode);
        events.publishEvent(new AdministrativeAct(actor.personId(), CHANGED, "forum:" + forumId, null, Map.of(
                "old", own == null ? SAME_AS_JAM : own.name(), "new", mode == null ? SAME_AS_JAM : mode.name())));
    }

    /**
     * What a person is told before they write in this forum: the mode, and in a pseudonymous forum the pseudonym
     * others will see (with their participant type and, where allowed, country). Guests learn the mode only.
     */
    public AuthorNotice noticeFor(Actor reader, long forumId) {
        var forum = ofForum(forumId);
        return notice(reader, forum.jamId(), forum.mode(), forum.showsCountry());
    }

    /** The same for the Jam's own mode (its home page): the forums that differ say so on their pages. */
    public AuthorNotice noticeForJam(Actor reader, long jamId) {
        return notice(reader, jamId, rows.jamMode(jamId), rows.jamShowsCountry(jamId));
    }

    private AuthorNotice notice(Actor reader, long jamId, IdentityMode mode, boolean showsCountry) {
        if (mode != IdentityMode.PSEUDONYMOUS || reader.isGuest() || jamId == 0) {
            return new AuthorNotice(mode, null, null, null);
        }
        var person = identity.find(reader.personId());
        return new AuthorNotice(mode, pseudonyms.of(jamId, reader.personId()), reader.participantType(),
                showsCountry ? person.map(p -> p.country()).orElse(null) : null);
    }

    /** The audit trail's name for a change of mode. */
    public static final String CHANGED = "identity-mode.changed";
    private static final String SAME_AS_JAM = "same-as-jam";

    private void requireOrganiser(Actor actor, long jamId) {
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("jam.organisersOnly");
        }
        jams.require(actor, jamId);
    }
}
