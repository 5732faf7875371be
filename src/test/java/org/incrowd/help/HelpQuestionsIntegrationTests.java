package org.incrowd.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.incrowd.jam.JamKind;
import org.incrowd.shared.Refusal;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A help stream's questions stand where their answers put them; only the asker marks what solved it. */
@IncrowdTest
class HelpQuestionsIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    HelpQuestions questions;

    @Test
    void unansweredQuestionsRiseAboveAnsweredOnesAndTheAskerMarksTheSolution() {
        var fixtures = Fixtures.of(context);
        var stream = fixtures.jam("Ask us").campaign(JamKind.HELP_STREAM, null, null).endsIn(Duration.ofDays(1))
                .create();
        var topic = fixtures.forum(stream, "Deliveries");
        var asker = fixtures.person("Carla Customer");
        var engineer = fixtures.person("Dana Engineer");
        fixtures.join(stream, asker);
        fixtures.join(stream, engineer);
        var answeredOne = fixtures.idea(topic, asker, "Where is my parcel?", "It was due on Monday.");
        var waiting = fixtures.idea(topic, asker, "Can I change the address?", "I moved last week.");
        var answer = fixtures.reply(answeredOne, engineer, "It is at the depot; you can fetch it today.");
        fixtures.reply(waiting, asker, "It is urgent."); // the asker's own reply is no answer

        var page = questions.stream(fixtures.actor(asker), stream.id(), null, 10, 0);

        assertThat(page).extracting(HelpQuestion::questionId).containsExactly(waiting.id(), answeredOne.id());
        assertThat(page).extracting(HelpQuestion::status)
                .containsExactly(QuestionStatus.OPEN, QuestionStatus.ANSWERED);
        assertThatThrownBy(() -> questions.markSolution(fixtures.actor(engineer), answeredOne.id(), answer.id()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("help.solution.notAsker"));

        var solved = questions.markSolution(fixtures.actor(asker), answeredOne.id(), answer.id());

        assertThat(solved.status()).isEqualTo(QuestionStatus.SOLVED);
        assertThat(solved.solutionId()).isEqualTo(answer.id());
        assertThat(questions.stream(fixtures.actor(asker), stream.id(), null, 10, 0))
                .extracting(HelpQuestion::questionId).containsExactly(waiting.id(), answeredOne.id());
    }

    @Test
    void theStreamOfAnOrdinaryJamIsNoHelpStream() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Ideas, not questions");
        var idea = fixtures.idea(fixtures.forum(jam, "Ideas"), "Lockers");

        assertThatThrownBy(() -> questions.stream(fixtures.actor(fixtures.organiser()), jam.id(), null, 10, 0))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> questions.require(fixtures.actor(fixtures.organiser()), idea.id()))
                .isInstanceOf(Refusal.class);
    }
}
