package org.incrowd.help.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members of a stream say which topics they know and when they are away; organisers and staff see who covers which
 * topic (and which nobody covers) and mark the topics that are "general / not sure".
 */
@Service
public class Expertise {

    /** An expert as the coverage shows them. */
    public record Expert(long personId, String name, boolean available) {
    }

    /** A topic and who covers it; {@code general}: routed by its words, nobody needs to know it. */
    public record Coverage(Forum topic, boolean general, List<Expert> experts) {

        public boolean uncovered() {
            return !general && experts.stream().noneMatch(Expert::available);
        }
    }

    private final ExpertRows experts;
    private final JamService jams;
    private final HandOvers handOvers;

    Expertise(ExpertRows experts, JamService jams, HandOvers handOvers) {
        this.experts = experts;
        this.jams = jams;
        this.handOvers = handOvers;
    }

    /** A help stream the actor may read, or 404. */
    Jam requireStream(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!jam.kind().isHelpStream()) {
            throw Refusal.notFound("help.stream.notFound");
        }
        return jam;
    }

    /** A stream the actor joined (or staffs), to say what they know; 403 for other readers. */
    Jam requireMember(Actor actor, long jamId) {
        var jam = requireStream(actor, jamId);
        if (actor.isGuest() || actor.isReadOnly() || !(jams.isMember(jamId, actor.personId())
                || jams.isOrganiserOrStaff(actor, jamId))) {
            throw Refusal.forbidden("help.expertise.joinFirst");
        }
        return jam;
    }

    boolean isOrganiserOrStaff(Actor actor, long jamId) {
        return jams.isOrganiserOrStaff(actor, jamId);
    }

    Jam requireOrganiserOrStaff(Actor actor, long jamId) {
        var jam = requireStream(actor, jamId);
        if (!jams.isOrganiserOrStaff(actor, jamId)) {
            throw Refusal.forbidden("jam.staffOnly");
        }
        return jam;
    }

    /** The topics one may know: the stream's forums but the general ones. */
    @Transactional(readOnly = true)
    List<Forum> topics(Actor actor, long jamId) {
        var general = experts.generalTopics(jamId);
        return jams.forums(actor, jamId).stream().filter(forum -> !general.contains(forum.id())).toList();
    }

    @Transactional(readOnly = true)
    ExpertRows.Standing standing(Actor actor, long jamId) {
        requireMember(actor, jamId);
        return experts.standing(jamId, actor.personId());
    }

    /**
     * Saves what the actor knows and when they are away ({@code awayUntil} as typed, in the stream's time zone,
     * empty for "here"). Unknown topics and unreadable dates are refused.
     */
    @Transactional
    void save(Actor actor, long jamId, Collection<Long> topicIds, String awayUntil, boolean offShift) {
        var jam = requireMember(actor, jamId);
        var known = new HashSet<Long>();
        topics(actor, jamId).forEach(forum -> known.add(forum.id()));
        var errors = FieldErrors.none();
        if (!known.containsAll(topicIds)) {
            errors.add("topics", "help.expertise.unknownTopic");
        }
        Instant away = null;
        if (awayUntil != null && !awayUntil.isBlank()) {
            try {
                away = LocalDateTime.parse(awayUntil.strip()).atZone(jam.timeZone()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("awayUntil", "help.expertise.badDate");
            }
        }
        errors.throwIfAny();
        experts.save(jamId, actor.personId(), Set.copyOf(topicIds), away, offShift);
    }

    /** Every topic of the stream with its experts, for organisers and staff. */
    @Transactional(readOnly = true)
    List<Coverage> coverage(Actor actor, long jamId) {
        requireOrganiserOrStaff(actor, jamId);
        var general = experts.generalTopics(jamId);
        var byTopic = experts.coverage(jamId);
        var availability = experts.availability(jamId);
        var names = handOvers.names(byTopic.values().stream().flatMap(List::stream).distinct().toList());
        Instant now = jams.now();
        var rows = new ArrayList<Coverage>();
        for (var forum : jams.forums(actor, jamId)) {
            var people = byTopic.getOrDefault(forum.id(), List.of()).stream()
                    .map(id -> new Expert(id, names.getOrDefault(id, ""), availability.get(id) == null
                            || availability.get(id).availableAt(now)))
                    .toList();
            rows.add(new Coverage(forum, general.contains(forum.id()), people));
        }
        return rows;
    }

    @Transactional
    void markGeneral(Actor actor, long jamId, Collection<Long> forumIds) {
        requireOrganiserOrStaff(actor, jamId);
        var ids = new HashSet<Long>();
        jams.forums(actor, jamId).forEach(forum -> ids.add(forum.id()));
        if (!ids.containsAll(forumIds)) {
            throw Refusal.invalid("general", "help.expertise.unknownTopic");
        }
        experts.setGeneralTopics(jamId, Set.copyOf(forumIds));
    }

    /** For the overview: the ids of the general topics. */
    Set<Long> generalTopics(long jamId) {
        return experts.generalTopics(jamId);
    }

    /** The names of people, for pages. */
    Map<Long, String> names(Collection<Long> people) {
        return handOvers.names(people);
    }
}
