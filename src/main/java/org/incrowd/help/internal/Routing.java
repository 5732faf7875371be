package org.incrowd.help.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.help.HelpEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every new question goes to someone who said they know its topic. The topic is the forum it was asked in, or, for a
 * forum the organisers marked general ("not sure"), the topic whose past questions' words are closest
 * ({@link TopicModel}). Of that topic's experts, those away or off shift are skipped, and the one with the fewest
 * questions waiting for their answer gets it; ties go to whoever got their last question longest ago (never: first).
 * No expert available: the question waits in the stream for anyone, as every question does.
 */
@Component
public class Routing {

    /** Where a question went: its topic, and the expert it was assigned to (none when nobody was available). */
    public record Routed(long topicId, Optional<Long> expertId) {
    }

    private final TopicModels models;
    private final ExpertRows experts;
    private final HelpQuestionRows questions;
    private final PostFeed posts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Routing(TopicModels models, ExpertRows experts, HelpQuestionRows questions, PostFeed posts,
            ApplicationEventPublisher events, Clock clock) {
        this.models = models;
        this.experts = experts;
        this.questions = questions;
        this.posts = posts;
        this.events = events;
        this.clock = clock;
    }

    /** In the transaction that posts the question: it is assigned with it, or not at all. */
    @EventListener
    void on(HelpEvents.QuestionAsked event) {
        assign(event.questionId(), event.jamId(),
                choose(event.questionId(), event.jamId(), event.forumId(), event.askerId()));
    }

    /**
     * Where a new question goes: its topic (learnt by the text model when it was asked in one) and the expert, if
     * one is available. Public for the benchmark, which times this step alone.
     */
    public Routed choose(long questionId, long jamId, long forumId, long askerId) {
        var text = posts.texts(List.of(questionId)).stream().findFirst().map(PostText::text).orElse("");
        long topic = topicOf(jamId, forumId, text);
        return new Routed(topic, leastLoadedAvailable(topic, askerId, clock.instant()));
    }

    /** Assigns the question to the chosen expert, who is then told (a listener of {@code QuestionAssigned}). */
    public void assign(long questionId, long jamId, Routed routed) {
        routed.expertId().ifPresent(personId -> {
            Instant now = clock.instant();
            questions.assign(questionId, personId, now);
            experts.assigned(jamId, personId, now);
            events.publishEvent(new HelpEvents.QuestionAssigned(questionId, jamId, null, personId, null));
        });
    }

    private long topicOf(long jamId, long forumId, String text) {
        var model = models.of(jamId);
        var words = models.words(text);
        if (experts.isGeneral(forumId)) {
            return model.closest(words).orElse(forumId);
        }
        model.add(forumId, words);
        return forumId;
    }

    private Optional<Long> leastLoadedAvailable(long topic, long askerId, Instant now) {
        var available = experts.candidates(topic).stream()
                .filter(candidate -> candidate.personId() != askerId && candidate.availableAt(now)).toList();
        var waiting = experts.waitingFor(available.stream().map(ExpertRows.Candidate::personId).toList());
        return available.stream()
                .min(Comparator.<ExpertRows.Candidate>comparingInt(c -> waiting.getOrDefault(c.personId(), 0))
                        .thenComparing(ExpertRows.Candidate::lastAssignedAt,
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(ExpertRows.Candidate::personId))
                .map(ExpertRows.Candidate::personId);
    }
}
