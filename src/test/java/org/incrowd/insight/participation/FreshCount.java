package org.incrowd.insight.participation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.discussion.ActivityBucket;
import org.incrowd.discussion.ParticipantActivity;
import org.incrowd.discussion.PostFeed;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ProfileFacts;
import org.incrowd.insight.participation.algorithm.Counted;
import org.incrowd.insight.participation.algorithm.ParticipationAnalysis;
import org.incrowd.insight.participation.algorithm.ParticipationFigures;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;

/**
 * The participation figures counted afresh from every profile, membership, post and reaction, as the page counted
 * them before the read model (ADR 52): what the read model must always agree with.
 */
final class FreshCount {

    private final JamService jams;
    private final IdentityService identity;
    private final PostFeed discussion;

    FreshCount(JamService jams, IdentityService identity, PostFeed discussion) {
        this.jams = jams;
        this.identity = identity;
        this.discussion = discussion;
    }

    /** The figures of the Jam, or of one forum when {@code forumId} is not null. */
    ParticipationFigures figures(Jam jam, Long forumId, int minGroupSize) {
        var profiles = new HashMap<Long, ProfileFacts>();
        var audience = jams.audienceOf(jam.id());
        if (audience.byInvitation()) {
            identity.forEachProfileByEmail(audience.invitedAddresses(), f -> profiles.put(f.personId(), f));
        } else {
            identity.forEachProfileOfTypes(audience.types(), f -> profiles.put(f.personId(), f));
        }
        Set<Long> invited = Set.copyOf(profiles.keySet());
        var members = new HashSet<Long>();
        jams.forEachMember(jam.id(), members::add);
        var activity = new HashMap<Long, ParticipantActivity>();
        discussion.forEachParticipant(jam.id(), forumId, a -> activity.put(a.personId(), a));
        var outside = new HashSet<Long>(members);
        outside.addAll(activity.keySet());
        outside.removeAll(profiles.keySet());
        identity.forEachProfileById(outside, f -> profiles.put(f.personId(), f));
        var counted = new ArrayList<Counted>();
        for (ProfileFacts facts : profiles.values()) {
            var done = activity.get(facts.personId());
            counted.add(new Counted(facts.country(), facts.orgUnit(), facts.jobRole(), facts.participantType().name(),
                    invited.contains(facts.personId()), members.contains(facts.personId()), done != null,
                    done == null ? 0 : done.posts()));
        }
        return ParticipationAnalysis.analyse(counted, minGroupSize);
    }

    /** Active people and posts per bucket of each width the timeline may use, counted from the Jam's start. */
    Map<Integer, List<ActivityBucket>> timeline(Jam jam, Long forumId) {
        var widths = new HashMap<Integer, List<ActivityBucket>>();
        for (int hours : FigureChanges.WIDTHS_HOURS) {
            widths.put(hours, discussion.activityOverTime(jam.id(), forumId, jam.startsAt(), Duration.ofHours(hours)));
        }
        return widths;
    }

    /** Invited addresses nobody has signed up with yet. */
    long withoutAccount(Jam jam, ParticipationFigures figures) {
        var audience = jams.audienceOf(jam.id());
        return audience.byInvitation()
                ? Math.max(0, Set.copyOf(audience.invitedAddresses()).size() - figures.total().invited()) : 0;
    }
}
