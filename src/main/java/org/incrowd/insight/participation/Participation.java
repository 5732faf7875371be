package org.incrowd.insight.participation;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.incrowd.discussion.ActivityBucket;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.ParticipantActivity;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ProfileFacts;
import org.incrowd.insight.participation.algorithm.Counted;
import org.incrowd.insight.participation.algorithm.ParticipationAnalysis;
import org.incrowd.insight.participation.algorithm.ParticipationFigures;
import org.incrowd.insight.participation.algorithm.TimeBuckets;
import org.incrowd.jam.Audience;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPhase;
import org.incrowd.insight.shared.NodeCache;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Participation figures of a Jam for its organisers and staff. Each module counts in its own tables (the audience's
 * profiles, the members, who posted or reacted and how often) and the figures are joined here by person id, so no
 * SQL crosses a module boundary. The last count is kept and redone in the background once it is older than a few
 * seconds: the page stays live-ish without recounting a 150,000-person Jam for every reload.
 */
@Service
class Participation {

    private static final Logger log = LoggerFactory.getLogger(Participation.class);

    private final JamService jams;
    private final IdentityService identity;
    private final PostFeed discussion;
    private final int minGroupSize;
    private final Duration freshFor;
    /** The last count of each Jam and forum looked at lately (a page is a few hundred group figures). */
    private final Cache<Scope, ParticipationPage> recent = NodeCache.counting(1_000);
    /** Scopes being recounted in the background: one recount at a time per Jam and forum. */
    private final Set<Scope> refreshing = ConcurrentHashMap.newKeySet();

    Participation(JamService jams, IdentityService identity, PostFeed discussion,
                  @Value("${incrowd.participation.min-group-size:5}") int minGroupSize,
                  @Value("${incrowd.participation.fresh-seconds:30}") int freshSeconds) {
        this.jams = jams;
        this.identity = identity;
        this.discussion = discussion;
        this.minGroupSize = minGroupSize;
        this.freshFor = Duration.ofSeconds(freshSeconds);
    }

    private record Scope(long jamId, Long forumId) {
    }

    /**
     * The figures of a Jam, or of one of its forums when {@code forumId} is not null; organisers and staff only.
     * The first view counts while the person waits. After that the page gets the last count at once, and a count
     * older than {@code fresh-seconds} is redone in the background for the next view. A Jam-sized count takes
     * seconds (see docs/performance.md), so nobody should wait for it twice. {@code fresh-seconds=0} counts afresh
     * on every view, for the benchmark.
     */
    ParticipationPage of(Actor actor, long jamId, Long forumId) {
        var jam = jams.requireOrganiserOrStaff(actor, jamId);
        var forums = jams.forums(actor, jamId);
        var forum = forumId == null ? null : forums.stream().filter(f -> f.id() == forumId).findFirst()
                .orElseThrow(() -> Refusal.notFound("forum.notFound"));
        var scope = new Scope(jamId, forumId);
        var cached = freshFor.isZero() ? null : recent.getIfPresent(scope);
        if (cached == null) {
            var page = compute(jam, forum, forums, jams.audience(actor, jamId));
            recent.put(scope, page);
            return page;
        }
        if (!cached.computedAt().plus(freshFor).isAfter(jams.now()) && refreshing.add(scope)) {
            var audience = jams.audience(actor, jamId);
            Thread.ofVirtual().name("participation-" + jamId).start(() -> {
                try {
                    recent.put(scope, compute(jam, forum, forums, audience));
                } catch (RuntimeException e) {
                    log.warn("Recounting the participation of Jam {} failed; the last count stays", jamId, e);
                } finally {
                    refreshing.remove(scope);
                }
            });
        }
        return cached;
    }

    /** Whether this person may see a Jam's participation (to show the link on the Jam home). */
    boolean maySee(Actor actor, Jam jam) {
        return jams.isOrganiserOrStaff(actor, jam.id());
    }

    /**
     * The four reads are independent and each runs in its own module's tables, so they run side by side: the count
     * takes about as long as the slowest of them rather than their sum.
     */
    private ParticipationPage compute(Jam jam, Forum forum, List<Forum> forums, Audience audience) {
        long started = System.nanoTime();
        Instant now = jams.now();
        Long forumId = forum == null ? null : forum.id();
        Map<Long, ProfileFacts> profiles;
        Set<Long> invited;
        Set<Long> members;
        Map<Long, ParticipantActivity> activity;
        Timeline timeline;
        try (var reads = Executors.newVirtualThreadPerTaskExecutor()) {
            var audienceRead = reads.submit(() -> audienceProfiles(audience));
            var membersRead = reads.submit(() -> {
                var ids = new HashSet<Long>();
                jams.forEachMember(jam.id(), ids::add);
                return ids;
            });
            var activityRead = reads.submit(() -> {
                var byPerson = new HashMap<Long, ParticipantActivity>();
                discussion.forEachParticipant(jam.id(), forumId, a -> byPerson.put(a.personId(), a));
                return byPerson;
            });
            var timelineRead = reads.submit(() -> timeline(jam, forumId, now));
            profiles = result(audienceRead);
            invited = Set.copyOf(profiles.keySet());
            members = result(membersRead);
            activity = result(activityRead);
            timeline = result(timelineRead);
        }
        long read = System.nanoTime();

        // Organisers, staff and members whose type changed since joining take part from outside the audience.
        var outside = new HashSet<Long>(members);
        outside.addAll(activity.keySet());
        outside.removeAll(profiles.keySet());
        identity.forEachProfileById(outside, facts -> profiles.put(facts.personId(), facts));

        var counted = new ArrayList<Counted>(profiles.size());
        for (ProfileFacts facts : profiles.values()) {
            var done = activity.get(facts.personId());
            counted.add(new Counted(facts.country(), facts.orgUnit(), facts.jobRole(), facts.participantType().name(),
                    invited.contains(facts.personId()), members.contains(facts.personId()), done != null,
                    done == null ? 0 : done.posts()));
        }
        ParticipationFigures figures = ParticipationAnalysis.analyse(counted, minGroupSize);
        long withoutAccount = audience.byInvitation()
                ? Math.max(0, Set.copyOf(audience.invitedAddresses()).size() - invited.size()) : 0;
        log.debug("Participation of Jam {} (forum {}): {} people, reads {} ms, counting {} ms", jam.id(), forumId,
                counted.size(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return new ParticipationPage(jam, forum, forums, audience.byInvitation(), withoutAccount, figures, timeline,
                now);
    }

    private Map<Long, ProfileFacts> audienceProfiles(Audience audience) {
        var profiles = new HashMap<Long, ProfileFacts>();
        Consumer<ProfileFacts> keep = facts -> profiles.put(facts.personId(), facts);
        if (audience.byInvitation()) {
            identity.forEachProfileByEmail(audience.invitedAddresses(), keep);
        } else {
            identity.forEachProfileOfTypes(audience.types(), keep);
        }
        return profiles;
    }

    private static <T> T result(Future<T> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting participation", e);
        }
    }

    /**
     * Buckets sized by the Jam's whole length (so their width does not change while it runs), shown from the start
     * up to now or the end; activity outside (imports, the community phase) widens the range.
     */
    private Timeline timeline(Jam jam, Long forumId, Instant now) {
        boolean community = jam.phase(now) == JamPhase.COMMUNITY;
        Instant end = community || jam.openEnded() ? now : jam.endsAt(); // an idea box: up to now
        Duration width = TimeBuckets.widthFor(Duration.between(jam.startsAt(), end));
        var buckets = discussion.activityOverTime(jam.id(), forumId, jam.startsAt(), width);
        if (!buckets.isEmpty()) {
            long first = Math.min(0, buckets.getFirst().index());
            long last = buckets.getLast().index();
            long spread = last - first + 1;
            if (spread > 2 * TimeBuckets.MOST_BUCKETS) {
                width = TimeBuckets.widthFor(width.multipliedBy(spread));
                buckets = discussion.activityOverTime(jam.id(), forumId, jam.startsAt(), width);
            }
        }
        Instant shownUntil = now.isBefore(end) ? now : end;
        long lastIndex = Math.max(0, TimeBuckets.count(Duration.between(jam.startsAt(), shownUntil), width) - 1);
        var byIndex = new HashMap<Long, ActivityBucket>();
        long from = 0;
        for (ActivityBucket bucket : buckets) {
            byIndex.put(bucket.index(), bucket);
            from = Math.min(from, bucket.index());
            lastIndex = Math.max(lastIndex, bucket.index());
        }
        if (now.isBefore(jam.startsAt()) && buckets.isEmpty()) {
            return new Timeline(width, List.of());
        }
        var rows = new ArrayList<Timeline.Row>();
        for (long index = from; index <= lastIndex; index++) {
            var bucket = byIndex.get(index);
            rows.add(new Timeline.Row(jam.startsAt().plus(width.multipliedBy(index)),
                    bucket == null ? 0 : bucket.people(), bucket == null ? 0 : bucket.posts()));
        }
        return new Timeline(width, rows);
    }
}
