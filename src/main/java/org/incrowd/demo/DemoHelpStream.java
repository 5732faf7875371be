package org.incrowd.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.Posting;
import org.incrowd.help.Answering;
import org.incrowd.help.HelpQuestions;
import org.incrowd.help.HelpStreams;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A help stream for the demo: clients ask about cards and payments in their own words (questions from Banking77,
 * {@code ../shared/data/banking77}, CC BY 4.0), employees answer some under the organisation's name, a few answers are
 * marked as the solution and the rest of the questions wait, some for hours, so the stream shows every state.
 */
@Component
@ConditionalOnBooleanProperty("incrowd.demo")
class DemoHelpStream {

    /** The Banking77 categories the stream's topics are made of, with the answer an employee gives in each. */
    record Topic(String category, String title, String answer) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("card_arrival", "Cards on their way",
                    "Cards arrive within five working days. If yours has not come after seven, tell us here and we "
                            + "send a new one at no cost; the old one is blocked the same day."),
            new Topic("lost_or_stolen_card", "Lost or stolen cards",
                    "Block the card in the app at once (Cards, then Block). Then ask here for a new one: it reaches "
                            + "you within five working days, and payments after the block are refunded."),
            new Topic("exchange_rate", "Exchange rates",
                    "We use the network's rate of the day without a mark-up on weekdays; at weekends 0.5% is added "
                            + "because markets are closed. The app shows the rate before you pay."));

    static final int QUESTIONS_PER_TOPIC = 5;
    static final int ANSWERED_PER_TOPIC = 3;
    static final String ORGANISATION = "Northwind Support";

    private static final Logger log = LoggerFactory.getLogger(DemoHelpStream.class);

    private final JamService jams;
    private final Posting posting;
    private final Answering answering;
    private final HelpQuestions questions;
    private final HelpStreams streams;
    private final DemoClock clock;

    DemoHelpStream(JamService jams, Posting posting, Answering answering, HelpQuestions questions,
                   HelpStreams streams, DemoClock clock) {
        this.jams = jams;
        this.posting = posting;
        this.answering = answering;
        this.questions = questions;
        this.streams = streams;
        this.clock = clock;
    }

    /** Creates the stream and its questions; returns how many questions were asked (none without the data). */
    int create(Person organiser, List<Person> crowd, Path dataDir) {
        var asked = questions(dataDir.resolve("banking77").resolve("train.csv"));
        if (asked.isEmpty()) {
            log.info("No Banking77 data under {}: the demo has no help stream", dataDir);
            return 0;
        }
        var clients = crowd.stream().filter(p -> p.participantType() == ParticipantType.CLIENT).toList();
        var employees = crowd.stream().filter(p -> p.participantType() == ParticipantType.EMPLOYEE).toList();
        var actor = organiser.asActor();
        var today = LocalDateTime.now(DemoContent.ZONE).truncatedTo(ChronoUnit.HOURS);
        var stream = jams.create(actor, new JamDraft("Ask Northwind: cards and payments",
                "Clients ask about their cards and payments; everyone at Northwind who joined answers, under our "
                        + "name and their own.", "What can we help you with?", today.minusDays(60).toString(), null,
                DemoContent.ZONE.getId(), DemoContent.AUDIENCE, false, null, DemoContent.TERMS,
                JamKind.HELP_STREAM, null, null));
        jams.publish(actor, stream.id());
        jams.openToGuests(actor, stream.id(), true);
        streams.nameOrganisation(actor, stream.id(), ORGANISATION);
        int count = 0;
        for (int t = 0; t < TOPICS.size(); t++) {
            var topic = TOPICS.get(t);
            var forum = jams.addForum(actor, stream.id(), new ForumDraft(topic.title(), null));
            var texts = asked.getOrDefault(topic.category(), List.of());
            for (int i = 0; i < Math.min(QUESTIONS_PER_TOPIC, texts.size()); i++, count++) {
                var asker = clients.get((t * QUESTIONS_PER_TOPIC + i) % clients.size());
                jams.join(asker.asActor(), stream.id(), true);
                // Older questions first: the waiting ones then show ages from minutes to most of a day.
                clock.setTo(clock.instant().minus(Duration.ofHours(20L - 4L * i + t)));
                var question = posting.startThread(asker.asActor(), forum.id(),
                        new PostDraft(title(texts.get(i)), texts.get(i), ""));
                clock.release();
                if (i < ANSWERED_PER_TOPIC) {
                    var employee = employees.get((t * 7 + i) % employees.size());
                    jams.join(employee.asActor(), stream.id(), true);
                    var answer = answering.answer(employee.asActor(), question.id(),
                            new PostDraft(null, topic.answer(), ""));
                    if (i == 0) {
                        questions.markSolution(asker.asActor(), question.id(), answer.id());
                    }
                }
            }
        }
        return count;
    }

    private static String title(String text) {
        return text.length() <= DemoContent.TITLE_LENGTH ? text : text.substring(0, DemoContent.TITLE_LENGTH - 1) + "…";
    }

    /** The questions of the stream's categories, in file order; the category is after the line's last comma. */
    static Map<String, List<String>> questions(Path csv) {
        var byCategory = new LinkedHashMap<String, List<String>>();
        if (!Files.isRegularFile(csv)) {
            return byCategory;
        }
        var wanted = TOPICS.stream().map(Topic::category).toList();
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            lines.skip(1).forEach(line -> {
                int comma = line.lastIndexOf(',');
                if (comma > 0 && wanted.contains(line.substring(comma + 1).strip())) {
                    var text = line.substring(0, comma).strip();
                    if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
                        text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
                    }
                    byCategory.computeIfAbsent(line.substring(comma + 1).strip(), c -> new ArrayList<>()).add(text);
                }
            });
        } catch (IOException e) {
            log.warn("Could not read {}: the demo has no help stream", csv, e);
            byCategory.clear();
        }
        return byCategory;
    }
}
