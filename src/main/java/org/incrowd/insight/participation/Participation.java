package org.incrowd.insight.participation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.incrowd.discussion.ActivityBucket;
import org.incrowd.identity.Actor;
import org.incrowd.insight.participation.algorithm.ParticipationFigures;
import org.incrowd.insight.participation.algorithm.TimeBuckets;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Participation figures of a Jam for its organisers and staff, read from the participation read model
 * ({@link ParticipationModel}): a few hundred group rows and a timeline, whatever the size of the Jam. The groups are
 * the same as when they were counted afresh from every profile, membership, post and reaction (ADR 52).
 */
@Service
class Participation {

    private final JamService jams;
    private final ParticipationModel model;
    private final int minGroupSize;

    Participation(JamService jams, ParticipationModel model,
                  @Value("${incrowd.participation.min-group-size:5}") int minGroupSize) {
        this.jams = jams;
        this.model = model;
        this.minGroupSize = minGroupSize;
    }

    /** The figures of a Jam, or of one of its forums when {@code forumId} is not null; organisers and staff only. */
    ParticipationPage of(Actor actor, long jamId, Long forumId) {
        var jam = jams.requireOrganiserOrStaff(actor, jamId);
        var forums = jams.forums(actor, jamId);
        var forum = forumId == null ? null : forums.stream().filter(f -> f.id() == forumId).findFirst()
                .orElseThrow(() -> Refusal.notFound("forum.notFound"));
        long scope = forumId == null ? FigureChanges.JAM : forumId;
        Instant now = jams.now();
        ParticipationFigures figures = model.figures(jam, scope, minGroupSize);
        // Invited addresses nobody has signed up with yet: in the total, in no group.
        long withoutAccount = jam.invitationOnly()
                ? Math.max(0, jams.invitationCount(jamId) - figures.total().invited()) : 0;
        return new ParticipationPage(jam, forum, forums, jam.invitationOnly(), withoutAccount, figures,
                timeline(jam, scope, now), now);
    }

    /** Whether this person may see a Jam's participation (to show the link on the Jam home). */
    boolean maySee(Actor actor, Jam jam) {
        return jams.isOrganiserOrStaff(actor, jam.id());
    }

    /**
     * Buckets sized by the Jam's whole length (so their width does not change while it runs), shown from the start
     * up to now or the end; activity outside (imports, the community phase) widens the range.
     */
    private Timeline timeline(Jam jam, long scope, Instant now) {
        boolean community = jam.phase(now) == JamPhase.COMMUNITY;
        Instant end = community || jam.openEnded() ? now : jam.endsAt(); // an idea box: up to now
        Duration width = TimeBuckets.widthFor(Duration.between(jam.startsAt(), end));
        var buckets = model.timeline(jam.id(), scope, (int) width.toHours());
        if (!buckets.isEmpty()) {
            long first = Math.min(0, buckets.getFirst().index());
            long last = buckets.getLast().index();
            long spread = last - first + 1;
            if (spread > 2 * TimeBuckets.MOST_BUCKETS) {
                width = TimeBuckets.widthFor(width.multipliedBy(spread));
                buckets = model.timeline(jam.id(), scope, (int) width.toHours());
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
