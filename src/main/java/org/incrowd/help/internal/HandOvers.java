package org.incrowd.help.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.incrowd.help.HelpEvents;
import org.incrowd.help.HelpQuestion;
import org.incrowd.help.HelpQuestions;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An answerer hands a question to a colleague who joined the stream, with a note that carries what they know across
 * shifts ("Customer called again; needs the serial number"). Answerers are the stream's organisers and staff, its
 * experts, and whoever the question is assigned to; the asker is never one for their own question, and never sees
 * the notes.
 */
@Service
public class HandOvers {

    static final int NOTE_MAX = 2000;

    /** One hand-over in a question's chain, with both names. */
    public record HandOver(long fromId, String fromName, long toId, String toName, String note, Instant handedAt) {
    }

    private final HelpQuestions helpQuestions;
    private final HelpQuestionRows questions;
    private final ExpertRows experts;
    private final JamService jams;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final org.incrowd.discussion.Reading reading;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandOvers(HelpQuestions helpQuestions, HelpQuestionRows questions, ExpertRows experts, JamService jams,
              IdentityService identity, JdbcClient jdbc, org.incrowd.discussion.Reading reading,
              ApplicationEventPublisher events, Clock clock) {
        this.reading = reading;
        this.helpQuestions = helpQuestions;
        this.questions = questions;
        this.experts = experts;
        this.jams = jams;
        this.identity = identity;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the actor answers this question: staff, an expert of the stream, or its assignee, but not its asker. */
    boolean mayAnswer(Actor actor, HelpQuestion question) {
        if (actor.isGuest() || actor.isReadOnly() || question.askerId() == actor.personId()) {
            return false;
        }
        return Objects.equals(question.assigneeId(), actor.personId())
                || jams.isOrganiserOrStaff(actor, question.jamId())
                || experts.isExpert(question.jamId(), actor.personId());
    }

    /** A question the actor may read and answer; 403 for readers who may not hand it over. */
    @Transactional(readOnly = true)
    HelpQuestion requireAnswerer(Actor actor, long questionId) {
        var question = helpQuestions.require(actor, questionId);
        if (!mayAnswer(actor, question)) {
            throw Refusal.forbidden("help.handOver.forbidden");
        }
        return question;
    }

    /** The hand-over form: the question, its chain, and the stream's experts and staff to pick from. */
    @Transactional(readOnly = true)
    HelpPages.HandOverPage page(Actor actor, long questionId, String colleague, String note, FieldErrors errors) {
        var question = requireAnswerer(actor, questionId);
        var jam = jams.require(actor, question.jamId());
        String title = reading.require(actor, questionId).title();
        var colleagues = identity.findAll(experts.coverage(question.jamId()).values().stream()
                        .flatMap(List::stream).distinct().toList()).values().stream()
                .filter(person -> person.id() != actor.personId() && person.id() != question.askerId())
                .sorted(java.util.Comparator.comparing(Person::displayName))
                .map(person -> new HelpPages.Colleague(person.displayName(), person.email())).toList();
        return new HelpPages.HandOverPage(jam, question, title,
                chains(List.of(questionId)).getOrDefault(questionId, List.of()), colleagues, colleague, note, errors);
    }

    /** Hands the question to the colleague with this address; refuses an empty note and people outside the stream. */
    @Transactional
    HelpQuestion handOver(Actor actor, long questionId, String colleagueEmail, String note) {
        var question = requireAnswerer(actor, questionId);
        var errors = FieldErrors.none();
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            errors.add("note", "help.handOver.noteRequired");
        } else if (text.length() > NOTE_MAX) {
            errors.add("note", "help.handOver.noteTooLong", NOTE_MAX);
        }
        var colleague = colleague(question, colleagueEmail);
        if (colleague == null) {
            errors.add("colleague", "help.handOver.notInStream");
        } else if (colleague.id() == actor.personId()) {
            errors.add("colleague", "help.handOver.self");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("insert into help_hand_over (question_id, from_id, to_id, note, handed_at) values (?, ?, ?, ?, ?)")
                .params(questionId, actor.personId(), colleague.id(), text, Timestamp.from(now)).update();
        questions.assign(questionId, colleague.id(), now);
        experts.assigned(question.jamId(), colleague.id(), now);
        events.publishEvent(new HelpEvents.QuestionAssigned(questionId, question.jamId(), actor.personId(),
                colleague.id(), text));
        return questions.find(questionId).orElseThrow();
    }

    /** A person who joined the stream (or staffs it) and is not the asker, or null. */
    private Person colleague(HelpQuestion question, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return identity.findByEmail(email.strip())
                .filter(person -> person.id() != question.askerId())
                .filter(person -> jams.isMember(question.jamId(), person.id())
                        || jams.isOrganiserOrStaff(person.asActor(), question.jamId()))
                .orElse(null);
    }

    /** The hand-overs of each question, oldest first (for answerers only: callers check who reads). */
    Map<Long, List<HandOver>> chains(Collection<Long> questionIds) {
        var chains = new HashMap<Long, List<HandOver>>();
        if (questionIds.isEmpty()) {
            return chains;
        }
        record Row(long questionId, long fromId, long toId, String note, Instant at) {
        }
        var rows = jdbc.sql("select question_id, from_id, to_id, note, handed_at from help_hand_over"
                        + " where question_id in (:ids) order by id")
                .param("ids", questionIds)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        var names = names(rows.stream().flatMap(row -> java.util.stream.Stream.of(row.fromId(), row.toId()))
                .toList());
        for (var row : rows) {
            chains.computeIfAbsent(row.questionId(), id -> new java.util.ArrayList<>()).add(new HandOver(
                    row.fromId(), names.getOrDefault(row.fromId(), ""), row.toId(),
                    names.getOrDefault(row.toId(), ""), row.note(), row.at()));
        }
        return chains;
    }

    Map<Long, String> names(Collection<Long> people) {
        var names = new HashMap<Long, String>();
        identity.findAll(people).forEach((id, person) -> names.put(id, person.displayName()));
        return names;
    }
}
