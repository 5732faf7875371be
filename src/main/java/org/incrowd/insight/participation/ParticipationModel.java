package org.incrowd.insight.participation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.incrowd.discussion.ActivityBucket;
import org.incrowd.discussion.PostFeed;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileFacts;
import org.incrowd.insight.participation.algorithm.Dimension;
import org.incrowd.insight.participation.algorithm.GroupFigures;
import org.incrowd.insight.participation.algorithm.ParticipationAnalysis;
import org.incrowd.insight.participation.algorithm.ParticipationFigures;
import org.incrowd.jam.Audience;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The participation read model (ADR 52): each Jam's figures per group and timeline bucket, kept current one person
 * at a time. A change reads that person's share afresh from the modules (profile, audience, membership, posts and
 * reactions in the Jam) and adds its difference to the stored share, in the writer's transaction: a rolled-back or
 * killed writer leaves no trace, and a share read afresh cannot drift. A Jam without figures (older than the model,
 * or whose audience changed wholesale) is built once from the rows. Public for the benchmark, which writes its rows
 * behind the application's back and then builds.
 */
@Service
public class ParticipationModel {

    private static final Logger log = LoggerFactory.getLogger(ParticipationModel.class);

    private final ParticipationStore store;
    private final JamService jams;
    private final IdentityService identity;
    private final PostFeed discussion;
    private final TransactionTemplate transactions;

    ParticipationModel(ParticipationStore store, JamService jams, IdentityService identity, PostFeed discussion,
                       TransactionTemplate transactions) {
        this.store = store;
        this.jams = jams;
        this.identity = identity;
        this.discussion = discussion;
        this.transactions = transactions;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /**
     * The figures of the Jam (scope 0) or one forum: the Jam's own groups, plus everyone of the types it admits (for
     * a Jam not by invitation). Builds what is not built yet first.
     */
    ParticipationFigures figures(Jam jam, long scope, int minGroupSize) {
        buildEveryone();
        build(jam.id());
        var groups = new ArrayList<>(store.groups(jam.id(), scope));
        if (!jam.invitationOnly()) {
            groups.addAll(store.audience(jam.audience().stream().map(Enum::name).toList()));
        }
        var byDimension = new EnumMap<Dimension, Map<String, GroupFigures>>(Dimension.class);
        for (var group : groups) {
            var figures = group.figures();
            var shown = new GroupFigures(Standing.shown(group.value()), figures.people(), figures.invited(),
                    figures.joined(), figures.active(), figures.activeInvited(), figures.posts());
            byDimension.computeIfAbsent(group.dimension(), d -> new HashMap<>()).merge(group.value(), shown,
                    GroupFigures::plus);
        }
        var shownGroups = new EnumMap<Dimension, Collection<GroupFigures>>(Dimension.class);
        byDimension.forEach((dimension, byValue) -> shownGroups.put(dimension,
                byValue.values().stream().filter(group -> group.people() > 0).toList()));
        // Everyone has a participant type, so the types add up to the total.
        var total = new GroupFigures(null, 0, 0, 0, 0, 0, 0);
        for (var type : shownGroups.getOrDefault(Dimension.TYPE, List.of())) {
            total = total.plus(type);
        }
        return ParticipationAnalysis.analyse(total, shownGroups, minGroupSize);
    }

    /** Buckets of {@code widthHours} from the Jam's start with anyone active in them. */
    List<ActivityBucket> timeline(long jamId, long scope, int widthHours) {
        return store.timeline(jamId, scope, widthHours);
    }

    // ---- changing, at the end of the writer's transaction -----------------------------------------------------------

    /** Someone's share of a Jam's figures may have changed (where they stand, what they did): read it afresh. */
    void refresh(long jamId, long personId) {
        change(pending -> pending.standing(jamId, personId));
    }

    /**
     * Someone posted or reacted (or stopped): their activity is read afresh; where they stand (groups, invited,
     * joined) is taken as stored, since the events that change it refresh it.
     */
    void activity(long jamId, long personId) {
        change(pending -> pending.activity(jamId, personId));
    }

    /**
     * Someone reacted to a post for the first time. A reaction only makes its giver active in its forum and hour, so
     * when their stored share has them active there already (most reactions), nothing changes and their activity is
     * not read afresh. A changed reaction moves to the new hour and goes through {@link #activity}.
     */
    void reacted(long jamId, long personId, long forumId, Instant at) {
        change(pending -> pending.firstReaction(jamId, personId, forumId, at));
    }

    /**
     * A person's profile or address changed, or they are new: their type's people, and every Jam that counts them
     * one by one or invites their address.
     */
    void refreshEverywhere(long personId) {
        change(pending -> pending.everywhere(personId));
    }

    /**
     * Gathers a change in the transaction's {@link PendingChanges}, made just before it commits, in the writer's
     * transaction: a rolled-back or killed writer leaves no trace. Outside a transaction it is made at once, in one.
     */
    private void change(Consumer<PendingChanges> change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            var now = new PendingChanges();
            change.accept(now);
            transactions.executeWithoutResult(status -> make(now));
            return;
        }
        var pending = (PendingChanges) TransactionSynchronizationManager.getResource(PENDING);
        if (pending != null && pending.made()) {
            // published while the transaction's changes were being made (by another listener before the commit)
            var late = new PendingChanges();
            change.accept(late);
            make(late);
            return;
        }
        if (pending == null) {
            var gathered = new PendingChanges();
            TransactionSynchronizationManager.bindResource(PENDING, gathered);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    make(gathered);
                }

                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(PENDING);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(PENDING, gathered);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = gathered;
        }
        change.accept(pending);
    }

    /** The key of the transaction's pending changes among its resources. */
    private static final Object PENDING = new Object();

    /**
     * Everyone's groups first (row 0, the lowest), then each Jam in ascending order: marked unbuilt (its build after
     * the commit counts every change from the rows), or its people's changes made.
     */
    private void make(PendingChanges pending) {
        pending.markMade();
        for (long personId : pending.everywhere()) {
            moveEverywhere(personId, pending);
        }
        for (long jamId : pending.jams()) {
            if (pending.isUnbuilt(jamId)) {
                store.markUnbuilt(jamId);
            } else {
                make(jamId, pending.people(jamId));
            }
        }
    }

    private void moveEverywhere(long personId, PendingChanges pending) {
        var state = store.lock(ParticipationStore.EVERYONE);
        var person = identity.find(personId);
        if (state.isPresent() && state.get().built()) {
            var facts = profileFacts(personId).map(ParticipationStore.Profile::of);
            var before = store.profile(personId);
            if (!before.equals(facts)) {
                store.moveProfile(personId, before, facts);
            }
        }
        if (person.isEmpty()) {
            return;
        }
        var jamIds = new TreeSet<>(store.jamsCounting(personId));
        jamIds.addAll(jams.invitationJamsOf(person.get().email()));
        jamIds.forEach(jamId -> pending.standing(jamId, personId));
    }

    /**
     * One Jam's changed people, in ascending order: each share is locked and read, read afresh where it may have
     * changed, and the differences are added to the Jam's rows at once.
     */
    private void make(long jamId, Map<Long, PendingChanges.PersonChange> people) {
        var differences = new FigureChanges();
        var changed = new TreeMap<Long, PersonFigures>();
        for (var entry : people.entrySet()) {
            long personId = entry.getKey();
            var change = entry.getValue();
            var locked = store.lockShare(jamId, personId);
            if (locked.isEmpty() || !locked.get().state().built()) {
                return; // the build to come counts these changes from the rows
            }
            var before = locked.get().person();
            long origin = locked.get().state().origin();
            if (!change.standing() && !change.activity() && activeAlready(before, change.firstReactions(), origin)) {
                continue;
            }
            var after = person(jamId, personId, origin, change.standing() ? null : before.standing());
            if (!after.equals(before)) {
                differences.add(after, 1);
                differences.add(before, -1);
                changed.put(personId, after);
            }
        }
        if (!changed.isEmpty()) {
            store.apply(jamId, differences);
        }
        changed.forEach((personId, after) -> store.savePerson(jamId, personId, after));
    }

    /** Whether the stored share has the person active in the forum and hour of each of these first reactions. */
    private static boolean activeAlready(PersonFigures stored, List<PendingChanges.FirstReaction> firstReactions,
                                         long origin) {
        for (var reaction : firstReactions) {
            if (!stored.activity().has(reaction.forumId(), hour(reaction.at(), origin))) {
                return false;
            }
        }
        return true;
    }

    /** A new Jam: its figures are built once it is committed (its audience may be everyone of a type). */
    void added(long jamId) {
        store.addJam(jamId);
        buildAfterCommit(jamId);
    }

    /** Too much changed at once (an audience, a moved thread, an import): built again from the rows. */
    void rebuildAfterCommit(long jamId) {
        change(pending -> pending.unbuilt(jamId));
        buildAfterCommit(jamId);
    }

    private void buildAfterCommit(long jamId) {
        Runnable build = () -> Thread.ofVirtual().name("participation-build-" + jamId).start(() -> {
            try {
                build(jamId);
            } catch (RuntimeException e) {
                log.warn("Building the participation figures of Jam {} failed; the next view tries again", jamId, e);
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    build.run();
                }
            });
        } else {
            build.run();
        }
    }

    // ---- building from the rows ----------------------------------------------------------------------------------

    /** Everyone's groups and every Jam whose figures are not built yet (older than the model, or interrupted). */
    void catchUp() {
        buildEveryone();
        for (long jamId : jams.allIds()) {
            build(jamId);
        }
    }

    /** Everyone's groups by participant type, from the profiles, unless built (idempotent, as {@link #build}). */
    void buildEveryone() {
        if (store.state(ParticipationStore.EVERYONE).map(ParticipationStore.JamState::built).orElse(true)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            var state = store.lock(ParticipationStore.EVERYONE);
            if (state.isEmpty() || state.get().built()) {
                return;
            }
            var profiles = new HashMap<Long, ParticipationStore.Profile>();
            identity.forEachProfileOfTypes(EnumSet.allOf(ParticipantType.class),
                    facts -> profiles.put(facts.personId(), ParticipationStore.Profile.of(facts)));
            store.replaceProfiles(profiles);
        });
    }

    /**
     * Builds a Jam's figures from the modules' rows, unless they are built: idempotent, and safe on several nodes
     * (the Jam's row is locked, and whoever comes second finds the figures built).
     */
    public void build(long jamId) {
        if (store.state(jamId).map(ParticipationStore.JamState::built).orElse(false)) {
            return;
        }
        if (store.state(jamId).isEmpty()) {
            transactions.executeWithoutResult(status -> store.addJam(jamId));
        }
        transactions.executeWithoutResult(status -> {
            var state = store.lock(jamId);
            if (state.isEmpty() || state.get().built()) {
                return;
            }
            var jam = jams.findAll(List.of(jamId)).get(jamId);
            if (jam == null) {
                return;
            }
            long started = System.nanoTime();
            long origin = jam.startsAt().getEpochSecond();
            var people = everyone(jam, origin);
            var totals = new FigureChanges();
            people.values().forEach(person -> totals.add(person, 1));
            store.replace(jamId, origin, people, totals);
            log.info("Built the participation figures of Jam {}: {} people in {} ms", jamId, people.size(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /**
     * Public for the benchmark, which writes people and activity behind the application's back: forgets everyone's
     * groups and the Jam's figures and builds them again from the rows.
     */
    public void rebuild(long jamId) {
        transactions.executeWithoutResult(status -> {
            store.markUnbuilt(ParticipationStore.EVERYONE);
            store.markUnbuilt(jamId);
        });
        buildEveryone();
        build(jamId);
    }

    /**
     * Everyone the Jam's figures count one by one, read from the modules as the page once counted them afresh: the
     * invited addresses' people, the members and the active. Everyone of an admitted type is counted by type.
     */
    private Map<Long, PersonFigures> everyone(Jam jam, long origin) {
        var profiles = new HashMap<Long, ProfileFacts>();
        Consumer<ProfileFacts> keep = facts -> profiles.put(facts.personId(), facts);
        Audience audience = jams.audienceOf(jam.id());
        if (audience.byInvitation()) {
            identity.forEachProfileByEmail(audience.invitedAddresses(), keep);
        }
        Set<Long> invitedByAddress = Set.copyOf(profiles.keySet());
        var members = new HashSet<Long>();
        jams.forEachMember(jam.id(), members::add);
        var activity = new HashMap<Long, PersonActivity.Builder>();
        discussion.forEachActivity(jam.id(), done -> activity.computeIfAbsent(done.personId(),
                id -> new PersonActivity.Builder()).add(done.forumId(), hour(done.at(), origin), done.post() ? 1 : 0));
        // Organisers, staff and members whose type changed since joining take part from outside the audience.
        var outside = new HashSet<Long>(members);
        outside.addAll(activity.keySet());
        outside.removeAll(profiles.keySet());
        identity.forEachProfileById(outside, keep);

        var people = new HashMap<Long, PersonFigures>(profiles.size() * 2);
        profiles.forEach((id, facts) -> {
            boolean invited = audience.byInvitation() ? invitedByAddress.contains(id)
                    : audience.types().contains(facts.participantType());
            var standing = Standing.of(facts, invited, members.contains(id), !audience.byInvitation());
            var done = activity.remove(id);
            var figures = new PersonFigures(standing, done == null ? PersonActivity.NONE : done.build());
            if (figures.counted()) {
                people.put(id, figures);
            }
        });
        // Active people without a profile count in the timeline only, as they always did.
        activity.forEach((id, done) -> people.put(id, new PersonFigures(null, done.build())));
        return people;
    }

    /**
     * One person's share, read afresh (in the caller's transaction, so it sees the change that caused it); where they
     * stand is read too unless {@code known}.
     */
    private PersonFigures person(long jamId, long personId, long origin, Standing known) {
        var activity = new PersonActivity.Builder();
        discussion.forEachActivityOf(jamId, personId,
                done -> activity.add(done.forumId(), hour(done.at(), origin), done.post() ? 1 : 0));
        Standing standing = known;
        if (standing == null) {
            var person = identity.find(personId);
            if (person.isEmpty()) {
                return PersonFigures.NOBODY;
            }
            standing = standing(jamId, person.get());
        }
        var figures = new PersonFigures(standing, activity.build());
        return figures.counted() ? figures : PersonFigures.NOBODY;
    }

    private Standing standing(long jamId, Person person) {
        var facts = profileFacts(person.id());
        if (facts.isEmpty()) {
            return null;
        }
        var jam = jams.findAll(List.of(jamId)).get(jamId);
        return Standing.of(facts.get(), jams.isInAudience(jamId, person.email(), facts.get().participantType()),
                jams.isMember(jamId, person.id()), !jam.invitationOnly());
    }

    private Optional<ProfileFacts> profileFacts(long personId) {
        var facts = new ProfileFacts[1];
        identity.forEachProfileById(List.of(personId), found -> facts[0] = found);
        return Optional.ofNullable(facts[0]);
    }

    /** Hours from the Jam's start (negative before it): the finest timeline bucket, of which the wider ones are made. */
    static long hour(Instant at, long origin) {
        return Math.floorDiv(at.getEpochSecond() - origin, 3600);
    }
}
