package org.incrowd.recognition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.recognition.algorithm.GiverCredit;
import org.incrowd.recognition.internal.RecognitionRows;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognition of a Jam's givers: credit recomputed from the recorded acts by {@link GiverCredit}, badges that follow
 * the credit, the givers page's list and each person's own view. Organisers switch each kind of recognition per Jam.
 */
@Service
public class Recognition {

    /** How many givers a Jam's givers page names. */
    public static final int GIVERS_LISTED = 50;
    /** Recomputes of more acts than this say in the log how long each step took. */
    private static final int RECOMPUTE_LOGGED = 50_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Recognition.class);

    private final RecognitionRows rows;
    private final JamService jams;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdentityModes modes;
    private final Pseudonyms pseudonyms;

    Recognition(RecognitionRows rows, JamService jams, IdentityService identity, ApplicationEventPublisher events,
                Clock clock, IdentityModes modes, Pseudonyms pseudonyms) {
        this.rows = rows;
        this.modes = modes;
        this.pseudonyms = pseudonyms;
        this.jams = jams;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** What a recompute did: how many acts it read and how many people have credit now. */
    public record Recomputed(long jamId, int acts, int givers) {
    }

    /**
     * Everyone's credit in a Jam, computed again from its acts (after a rule change, a switch, or new acts), and the
     * badges that follow from it: newly earned ones are awarded and told, ones no longer earned are taken back.
     */
    @Transactional
    public Recomputed recompute(long jamId) {
        var off = rows.switchedOff(jamId);
        var counted = EnumSet.noneOf(CreditKind.class);
        for (var kind : CreditKind.values()) {
            if (!off.contains(RecognitionSwitch.of(kind))) {
                counted.add(kind);
            }
        }
        long start = System.nanoTime();
        var acts = rows.acts(jamId);
        long read = System.nanoTime();
        var credits = GiverCredit.compute(acts, counted);
        long weighed = System.nanoTime();
        rows.replaceCredits(jamId, credits);
        long written = System.nanoTime();
        if (!off.contains(RecognitionSwitch.BADGES)) {
            settleBadges(jamId, credits);
        }
        if (acts.size() > RECOMPUTE_LOGGED) {
            log.info("Recognition of Jam {} recomputed from {} acts: read {} ms, weighed {} ms, credit written {} ms,"
                            + " badges {} ms", jamId, acts.size(), (read - start) / 1_000_000,
                    (weighed - read) / 1_000_000, (written - weighed) / 1_000_000,
                    (System.nanoTime() - written) / 1_000_000);
        }
        return new Recomputed(jamId, acts.size(),
                (int) credits.stream().filter(c -> c.credit() > 0).map(GiverCredit.Credit::personId).distinct().count());
    }

    /** The organiser's recompute: refused to everyone else. */
    @Transactional
    public Recomputed recompute(Actor actor, long jamId) {
        requireOrganiser(actor, jamId);
        return recompute(jamId);
    }

    private void settleBadges(long jamId, List<GiverCredit.Credit> credits) {
        var held = rows.allBadges(jamId);
        var earned = new java.util.HashMap<Long, Set<Badge>>();
        for (var credit : credits) {
            for (var badge : Badge.values()) {
                if (badge.kind() == credit.kind() && badge.earnedBy(credit.credit())) {
                    earned.computeIfAbsent(credit.personId(), id -> EnumSet.noneOf(Badge.class)).add(badge);
                }
            }
        }
        Instant now = clock.instant();
        var fresh = new ArrayList<RecognitionEvents.Earned>();
        earned.forEach((personId, badges) -> badges.forEach(badge -> {
            if (!held.getOrDefault(personId, Set.of()).contains(badge)) {
                fresh.add(new RecognitionEvents.Earned(personId, badge));
            }
        }));
        fresh.sort(java.util.Comparator.comparingLong(RecognitionEvents.Earned::personId)
                .thenComparing(RecognitionEvents.Earned::badge));
        rows.award(jamId, fresh, now);
        if (!fresh.isEmpty()) {
            events.publishEvent(new RecognitionEvents.BadgesEarned(jamId, List.copyOf(fresh)));
        }
        held.forEach((personId, badges) -> badges.forEach(badge -> {
            if (!earned.getOrDefault(personId, Set.of()).contains(badge)) {
                rows.takeBack(jamId, personId, badge);
            }
        }));
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** One giver as the givers page shows them: the kinds of help they gave (most credit first) and their badges. */
    /** {@code personId} is null and {@code name} the Jam pseudonym where the Jam hides names (see {@link #givers}). */
    public record Giver(Long personId, String name, String jobRole, List<CreditKind> kinds, Set<Badge> badges) {
    }

    /**
     * The people who helped most in a Jam, by weighted credit, with what they did; people who asked not to be listed
     * are left out. 404 where the reader may not see the Jam, or the givers page is switched off (but for organisers).
     * Where the Jam hides names in any forum, givers appear by their pseudonym in the Jam, without role or account
     * id: their acts (helpful marks, adopted build-ons, team work) are on posts that show pseudonyms, so a named list
     * would tie names to them, while the pseudonym still lets the giver see their own recognition.
     */
    public List<Giver> givers(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        var off = rows.switchedOff(jamId);
        if (off.contains(RecognitionSwitch.GIVERS_PAGE) && !isOrganiser(actor)) {
            throw Refusal.notFound("recognition.giversOff");
        }
        var top = rows.topCredit(jam.id(), GIVERS_LISTED, rows.allUnlisted());
        var people = identity.findAll(top.keySet());
        var badges = off.contains(RecognitionSwitch.BADGES) ? Map.<Long, Set<Badge>>of()
                : rows.badges(jamId, top.keySet());
        boolean hidden = modes.anyHidden(jamId);
        var shown = hidden ? pseudonyms.of(jamId, top.keySet()) : Map.<Long, String>of();
        var result = new ArrayList<Giver>();
        top.forEach((personId, credit) -> {
            var person = people.get(personId);
            if (person == null) {
                return;
            }
            var kinds = credit.entrySet().stream()
                    .filter(entry -> !off.contains(RecognitionSwitch.of(entry.getKey())))
                    .sorted(Map.Entry.<CreditKind, Double>comparingByValue().reversed())
                    .map(Map.Entry::getKey).toList();
            result.add(hidden ? new Giver(null, shown.get(personId), null, kinds, badges.getOrDefault(personId, Set.of()))
                    : new Giver(personId, person.displayName(), person.jobRole(), kinds,
                            badges.getOrDefault(personId, Set.of())));
        });
        return result;
    }

    /** The badges each of {@code personIds} holds in a Jam, if badges are shown there (else none). */
    public Map<Long, Set<Badge>> badgesShown(long jamId, java.util.Collection<Long> personIds) {
        if (rows.switchedOff(jamId).contains(RecognitionSwitch.BADGES)) {
            return Map.of();
        }
        return rows.badges(jamId, personIds);
    }

    /** A person's own recognition in one Jam: their weighted credit per kind and badges, as far as they are shown. */
    public record Own(Jam jam, Map<CreditKind, Double> credit, Set<Badge> badges) {
    }

    /** The reader's own recognition in every Jam where they have some that they may still see, newest Jam first. */
    public List<Own> own(Actor actor) {
        var result = new ArrayList<Own>();
        var jamIds = rows.jamsOf(actor.personId());
        var found = jams.findAll(jamIds);
        for (long jamId : jamIds) {
            var jam = found.get(jamId);
            if (jam == null) {
                continue;
            }
            var off = rows.switchedOff(jamId);
            var credit = new java.util.EnumMap<CreditKind, Double>(CreditKind.class);
            rows.credit(jamId, actor.personId()).forEach((kind, value) -> {
                if (value > 0 && !off.contains(RecognitionSwitch.of(kind))) {
                    credit.put(kind, value);
                }
            });
            var badges = badgesShown(jamId, List.of(actor.personId())).getOrDefault(actor.personId(), Set.of());
            if (!credit.isEmpty() || !badges.isEmpty()) {
                result.add(new Own(jam, credit, badges));
            }
        }
        return result;
    }

    /** A person's weighted credit per kind in a Jam (every kind that counts there), for tests and the API. */
    public Map<CreditKind, Double> credit(long jamId, long personId) {
        return rows.credit(jamId, personId);
    }

    public boolean listed(long personId) {
        return rows.unlisted(List.of(personId)).isEmpty();
    }

    /** Whether the person is named on givers pages (they always see their own recognition). */
    @Transactional
    public void list(Actor actor, boolean listed) {
        if (actor.isGuest()) {
            throw Refusal.forbidden("recognition.signInFirst");
        }
        rows.list(actor.personId(), listed);
    }

    // ---- switches ----------------------------------------------------------------------------------------------------

    public Set<RecognitionSwitch> switchedOff(long jamId) {
        return rows.switchedOff(jamId);
    }

    public boolean isOn(long jamId, RecognitionSwitch which) {
        return !rows.switchedOff(jamId).contains(which);
    }

    /** The organiser switches: {@code on} holds the switches that are on; every other one is off. Recomputes. */
    @Transactional
    public Set<RecognitionSwitch> switchOn(Actor actor, long jamId, Set<RecognitionSwitch> on) {
        requireOrganiser(actor, jamId);
        var off = EnumSet.allOf(RecognitionSwitch.class);
        off.removeAll(on);
        rows.replaceSwitchedOff(jamId, off);
        recompute(jamId);
        return off;
    }

    public boolean isOrganiser(Actor actor) {
        return !actor.isGuest() && actor.canOrganise();
    }

    /** The Jam, if the actor organises it; 404 where they cannot see it, 403 where they may read but not organise. */
    public Jam requireOrganiser(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!isOrganiser(actor)) {
            throw Refusal.forbidden("recognition.organisersOnly");
        }
        return jam;
    }
}
