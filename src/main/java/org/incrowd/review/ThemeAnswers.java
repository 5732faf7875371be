package org.incrowd.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.JamService;
import org.incrowd.review.internal.AnswerStore;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "You said / we did / why" for a whole Jam Pulse theme at once. The answer is tied to the posts the theme has when it
 * is answered, so each of them shows it even after the themes are computed afresh; participants rate whether it
 * explains enough. Answers, edits and ratings are recorded in the ledger and published, so the authors are told and
 * open pages refresh.
 */
@Service
public class ThemeAnswers {

    /** The ledger's action for a theme's first answer. */
    public static final String THEME_ANSWERED = "THEME_ANSWERED";
    /** The ledger's action for a changed answer (its reason: why it was changed). */
    public static final String ANSWER_EDITED = "ANSWER_EDITED";
    /** The ledger's action for a rating (detail: the verdict; reason: the comment). */
    public static final String ANSWER_RATED = "ANSWER_RATED";
    /** Longest "you said", "we did", "why" and edit reason, in characters. */
    public static final int MAX_TEXT = 4000;
    /** Longest rating comment, in characters. */
    public static final int MAX_COMMENT = 2000;
    /** What {@link ReviewEvents.LoopChanged} says changed: the answers region of open pages. */
    public static final String LIVE_WHAT = "answers";

    /** A theme was answered for the first time: its authors are told ({@code postIds}: the theme's posts). */
    public record ThemeAnswered(long jamId, long answerId, String themeLabel, String weDid, long answeredBy,
                                List<Long> postIds) {
    }

    /** What an organiser writes; {@code reason} only when changing an answer. */
    public record Text(String youSaid, String weDid, String why, String reason) {
    }

    private final JamService jams;
    private final ReviewAccess access;
    private final JamThemes themes;
    private final AnswerStore store;
    private final ReviewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThemeAnswers(JamService jams, ReviewAccess access, JamThemes themes, AnswerStore store, ReviewLedger ledger,
                 ApplicationEventPublisher events, Clock clock) {
        this.jams = jams;
        this.access = access;
        this.themes = themes;
        this.store = store;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** The Jam's answers, newest first, with the reader's own ratings (anyone who may read the Jam). */
    @Transactional(readOnly = true)
    public List<ThemeAnswer> of(Actor reader, long jamId) {
        jams.require(reader, jamId);
        return store.ofJam(jamId, reader.personId());
    }

    /** One answer, for whoever may read its Jam; 404 otherwise. */
    @Transactional(readOnly = true)
    public ThemeAnswer require(Actor reader, long answerId) {
        var answer = store.find(answerId, reader.personId()).orElseThrow(() -> Refusal.notFound("answers.notFound"));
        jams.require(reader, answer.jamId());
        return answer;
    }

    /** The answers shown under these posts, by post id (a thread page's posts). */
    @Transactional(readOnly = true)
    public Map<Long, ThemeAnswer> ofPosts(List<Long> postIds) {
        return store.ofPosts(postIds);
    }

    /**
     * Answers a theme of the Jam, tying the answer to the posts the theme has now. Refused, changing nothing, without
     * "we did" or "why", with a text too long, for a theme the Jam does not have or one already answered (edit it).
     */
    @Transactional
    public ThemeAnswer answer(Actor actor, long jamId, String themeKey, Text text) {
        access.requireReviewer(actor, jamId);
        var errors = checked(text, false);
        var theme = themes.of(jamId).stream().filter(t -> t.key().equals(themeKey)).findFirst();
        if (theme.isEmpty()) {
            errors.add("theme", "answers.unknownTheme");
        } else if (store.findByTheme(jamId, themeKey).isPresent()) {
            errors.add("theme", "answers.alreadyAnswered");
        }
        errors.throwIfAny();
        var posts = themes.posts(jamId, themeKey);
        var now = clock.instant();
        long id = store.insert(jamId, themeKey, theme.orElseThrow().label(), strip(text.youSaid()),
                strip(text.weDid()), strip(text.why()), actor.personId(), now, posts);
        ledger.record(new ReviewLedger.Act(jamId, null, themeKey, THEME_ANSWERED, null, "answer " + id,
                strip(text.why()), actor.personId(), now, true));
        events.publishEvent(new ThemeAnswered(jamId, id, theme.orElseThrow().label(), strip(text.weDid()),
                actor.personId(), posts));
        events.publishEvent(new ReviewEvents.LoopChanged(jamId, null, null, LIVE_WHAT));
        return store.find(id, actor.personId()).orElseThrow();
    }

    /** Changes an answer; never silently: the reason for the change is required and recorded. */
    @Transactional
    public ThemeAnswer edit(Actor actor, long answerId, Text text) {
        var answer = require(actor, answerId);
        access.requireReviewer(actor, answer.jamId());
        checked(text, true).throwIfAny();
        var now = clock.instant();
        store.update(answerId, strip(text.youSaid()), strip(text.weDid()), strip(text.why()), now);
        ledger.record(new ReviewLedger.Act(answer.jamId(), null, answer.themeKey(), ANSWER_EDITED, null,
                "answer " + answerId, strip(text.reason()), actor.personId(), now, true));
        events.publishEvent(new ReviewEvents.LoopChanged(answer.jamId(), null, null, LIVE_WHAT));
        return store.find(answerId, actor.personId()).orElseThrow();
    }

    /** A participant's rating; a second one by the same person replaces the first. */
    @Transactional
    public ThemeAnswer rate(Actor actor, long answerId, String verdict, String comment) {
        var answer = require(actor, answerId);
        if (actor.isGuest() || actor.isReadOnly()) {
            throw Refusal.forbidden("answers.participantsRate");
        }
        var errors = FieldErrors.none();
        ThemeAnswer.Verdict chosen = null;
        try {
            chosen = ThemeAnswer.Verdict.valueOf(verdict == null ? "" : verdict.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add("verdict", "answers.verdictRequired");
        }
        String said = strip(comment);
        if (said.length() > MAX_COMMENT) {
            errors.add("comment", "answers.commentTooLong", MAX_COMMENT);
        }
        errors.throwIfAny();
        var now = clock.instant();
        store.rate(answerId, actor.personId(), chosen, said.isEmpty() ? null : said, now);
        ledger.record(new ReviewLedger.Act(answer.jamId(), null, answer.themeKey(), ANSWER_RATED, null,
                chosen.name() + " answer " + answerId, said.isEmpty() ? null : said, actor.personId(), now, false));
        events.publishEvent(new ReviewEvents.LoopChanged(answer.jamId(), null, null, LIVE_WHAT));
        return store.find(answerId, actor.personId()).orElseThrow();
    }

    private static FieldErrors checked(Text text, boolean editing) {
        var errors = FieldErrors.none();
        if (strip(text.weDid()).isEmpty()) {
            errors.add("weDid", "answers.weDidRequired");
        }
        if (strip(text.why()).isEmpty()) {
            errors.add("why", "answers.whyRequired");
        }
        if (editing && strip(text.reason()).isEmpty()) {
            errors.add("reason", "answers.editReasonRequired");
        }
        for (var field : Map.of("youSaid", strip(text.youSaid()), "weDid", strip(text.weDid()), "why",
                strip(text.why()), "reason", strip(text.reason())).entrySet()) {
            if (field.getValue().length() > MAX_TEXT && !errors.has(field.getKey())) {
                errors.add(field.getKey(), "answers.tooLong", MAX_TEXT);
            }
        }
        return errors;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
