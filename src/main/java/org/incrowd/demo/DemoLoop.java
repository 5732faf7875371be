package org.incrowd.demo;

import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.insight.JamThemes;
import org.incrowd.insight.ThemesRecomputed;
import org.incrowd.report.ReportDraft;
import org.incrowd.report.ReportPublishing;
import org.incrowd.review.Reviewing;
import org.incrowd.review.ThemeAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loop closed in the demo's closed Jam, as an organiser would close it: decisions with their reasons on its
 * ideas and a published report citing them while the demo is seeded, then answers to its two leading themes once
 * Jam Pulse has computed them (themes are computed in the background, after the seeding).
 */
@Component
@ConditionalOnBooleanProperty("incrowd.demo")
class DemoLoop {

    private static final Logger log = LoggerFactory.getLogger(DemoLoop.class);

    /** Stage and reason per decided idea, in the order of the Jam's ideas. */
    private static final List<String[]> DECISIONS = List.of(
            new String[] {"selected", "Raised in every forum and cheap to try: a pilot starts next quarter, and its"
                    + " author is invited to shape it."},
            new String[] {"in-progress", "Already under way: the communications team is building it and reports"
                    + " back here in March."},
            new String[] {"not-pursued", "We looked at it seriously, but it would duplicate a service we already"
                    + " run. We will make that service easier to find instead."},
            new String[] {"under-review", "Legal and IT are checking what it would take; we answer by the end of"
                    + " the month."});

    private final Reviewing reviewing;
    private final ReportPublishing reports;
    private final ThemeAnswers answers;
    private final JamThemes themes;
    private final TransactionTemplate separately;
    private volatile Long closedJamId;
    private volatile Person organiser;

    DemoLoop(Reviewing reviewing, ReportPublishing reports, ThemeAnswers answers, JamThemes themes,
             PlatformTransactionManager transactions) {
        this.reviewing = reviewing;
        this.reports = reports;
        this.answers = answers;
        this.themes = themes;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Decides on the first ideas with reasons and publishes a report that cites them. */
    void close(Person organiser, long jamId, List<Post> posts) {
        this.organiser = organiser;
        this.closedJamId = jamId;
        var ideas = posts.stream().filter(Post::isIdea).limit(DECISIONS.size()).toList();
        for (int i = 0; i < ideas.size(); i++) {
            reviewing.decide(organiser.asActor(), jamId, List.of(ideas.get(i).id()), DECISIONS.get(i)[0],
                    DECISIONS.get(i)[1]);
        }
        if (ideas.size() < 2) {
            return;
        }
        reports.publish(organiser.asActor(), jamId, new ReportDraft(
                "Over three days, colleagues from every site told us where they find news they trust, and where"
                        + " they do not. Most agreed that sources must be named; they disagreed on how far to"
                        + " rely on social media.",
                "Two ideas go ahead now, one is already under way, and the rest are answered on each idea. We"
                        + " report progress in this Jam's community in March.",
                List.of(new ReportDraft.Recommendation("Name the source of every piece of news we share",
                                "The idea with the broadest support across groups; cheap to start.", List.of(),
                                List.of(ideas.get(0).id()), List.of()),
                        new ReportDraft.Recommendation("One place for the facts behind our decisions",
                                "Already being built; the conversation showed what it must answer first.",
                                List.of(), List.of(ideas.get(1).id()), List.of()))));
    }

    /** Once its themes exist, the organiser answers the closed Jam's two leading themes (once). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ThemesRecomputed event) {
        if (closedJamId == null || event.jamId() != closedJamId) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> themes.of(event.jamId()).stream().limit(2).forEach(theme -> {
                if (answers.of(organiser.asActor(), event.jamId()).stream()
                        .noneMatch(answer -> answer.themeKey().equals(theme.key()))) {
                    answers.answer(organiser.asActor(), event.jamId(), theme.key(), new ThemeAnswers.Text(
                            "Many of you wrote about “" + theme.label() + "”.",
                            "We collected every post of this theme and gave it to the team that owns the subject;"
                                    + " they answer each idea in its thread.",
                            "The posts agree on the problem but not yet on one solution, so we decide idea by idea.",
                            null));
                }
            }));
            closedJamId = null; // answered: later recomputes leave the answers as they are
        } catch (RuntimeException notAnswered) {
            log.warn("Demo: could not answer the closed Jam's themes: {}", notAnswered.toString());
        }
    }
}
