package org.incrowd.recognition;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.incrowd.discussion.Bylines;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamService;
import org.incrowd.recognition.internal.RecognitionRows;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prize of a challenge, awarded by its organisers to an idea's author or to a person, always with a reason.
 * Nothing is awarded automatically, and only challenges have prizes: the seeds warn that rewarding volume breeds it.
 */
@Service
public class Prizes {

    public static final int MAX_REASON = 2000;
    public static final int MIN_REASON = 10;

    private final RecognitionRows rows;
    private final Recognition recognition;
    private final JamService jams;
    private final IdentityService identity;
    private final PostFeed posts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Bylines bylines;

    Prizes(RecognitionRows rows, Recognition recognition, JamService jams, IdentityService identity, PostFeed posts,
           ApplicationEventPublisher events, Clock clock, Bylines bylines) {
        this.bylines = bylines;
        this.rows = rows;
        this.recognition = recognition;
        this.jams = jams;
        this.identity = identity;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
    }

    /** What the organiser typed: an idea's number and/or a person's e-mail address, and the reason. */
    public record Draft(String idea, String email, String reason) {
    }

    /**
     * An awarded prize: to whom, for which idea (or none), why, and when. Won by the author of an idea whose forum hides
     * its authors, it names them as the idea does (their pseudonym, or no one) and carries no {@code personId}.
     */
    public record Prize(long id, Long personId, String personName, Long ideaId, String ideaTitle, String reason,
                        Instant awardedAt) {
    }

    /**
     * Awards the challenge's prize. Refused: to everyone but organisers (403), for a Jam that is no challenge or whose
     * prizes are switched off (409), and with the fields named (422) for a missing or too short reason, an idea that
     * is not one of this challenge's, or an address nobody has.
     */
    @Transactional
    public Prize award(Actor actor, long jamId, Draft draft) {
        var jam = recognition.requireOrganiser(actor, jamId);
        if (jam.kind() != JamKind.CHALLENGE) {
            throw Refusal.conflict("recognition.prize.challengeOnly");
        }
        if (!recognition.isOn(jamId, RecognitionSwitch.PRIZES)) {
            throw Refusal.conflict("recognition.prize.off");
        }
        var errors = FieldErrors.none();
        String reason = draft.reason() == null ? "" : draft.reason().strip();
        if (reason.length() < MIN_REASON) {
            errors.add("reason", "recognition.prize.reasonMissing", MIN_REASON);
        } else if (reason.length() > MAX_REASON) {
            errors.add("reason", "recognition.prize.reasonTooLong", MAX_REASON);
        }
        PostText idea = null;
        String ideaField = draft.idea() == null ? "" : draft.idea().strip().replaceFirst("^#", "");
        if (!ideaField.isEmpty()) {
            idea = parseId(ideaField).flatMap(id -> posts.texts(List.of(id)).stream().findFirst())
                    .filter(found -> found.jamId() == jamId && found.isIdea()).orElse(null);
            if (idea == null) {
                errors.add("idea", "recognition.prize.ideaUnknown");
            }
        }
        Long personId = idea == null ? null : idea.authorId();
        String email = draft.email() == null ? "" : draft.email().strip();
        if (!email.isEmpty()) {
            var person = identity.findByEmail(email);
            if (person.isEmpty()) {
                errors.add("email", "recognition.prize.personUnknown");
            } else {
                personId = person.get().id();
            }
        } else if (ideaField.isEmpty()) {
            errors.add("idea", "recognition.prize.whom");
        }
        errors.throwIfAny();
        long id = rows.addPrize(jamId, idea == null ? null : idea.id(), personId, reason, actor.personId(),
                clock.instant());
        events.publishEvent(new RecognitionEvents.PrizeAwarded(id, jamId, personId, idea == null ? null : idea.id(),
                jam.prize(), reason, actor.personId()));
        final long winner = personId;
        return prizes(jamId).stream().filter(prize -> prize.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("prize " + id + " for " + winner + " not found"));
    }

    /** A Jam's prizes, oldest first; none where prizes are switched off. */
    public List<Prize> prizes(long jamId) {
        if (!recognition.isOn(jamId, RecognitionSwitch.PRIZES)) {
            return List.of();
        }
        var awarded = rows.prizes(jamId);
        var personIds = new HashSet<Long>();
        var ideaIds = new HashSet<Long>();
        awarded.forEach(prize -> {
            personIds.add(prize.personId());
            if (prize.ideaId() != null) {
                ideaIds.add(prize.ideaId());
            }
        });
        var people = identity.findAll(personIds);
        var ideas = new java.util.HashMap<Long, String>();
        var authors = new java.util.HashMap<Long, Long>();
        posts.texts(ideaIds).forEach(text -> {
            ideas.put(text.id(), text.title());
            authors.put(text.id(), text.authorId());
        });
        var shown = bylines.ofPosts(Actor.GUEST, ideaIds);
        return awarded.stream().map(prize -> {
            var byline = prize.ideaId() == null ? null : shown.get(prize.ideaId());
            boolean hidden = byline != null && byline.hidesAuthor()
                    && Long.valueOf(prize.personId()).equals(authors.get(prize.ideaId()));
            return new Prize(prize.id(), hidden ? null : prize.personId(), hidden ? byline.name()
                    : people.containsKey(prize.personId()) ? people.get(prize.personId()).displayName() : "",
                prize.ideaId(), prize.ideaId() == null ? null : ideas.getOrDefault(prize.ideaId(), ""),
                prize.reason(), prize.awardedAt());
        }).toList();
    }

    private static java.util.Optional<Long> parseId(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
