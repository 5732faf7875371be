package org.incrowd.review.internal;

import java.util.List;
import java.util.Map;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.Jam;
import org.incrowd.review.ThemeAnswer;
import org.incrowd.shared.FieldErrors;

/**
 * The answers page of a Jam: its answers with their ratings, the themes still without one, and a refused form kept as
 * it was typed.
 *
 * @param organiser whether the reader answers themes and edits answers
 * @param canRate   whether the reader may rate (signed in and able to read the Jam)
 */
public record AnswersPage(Jam jam, List<ThemeAnswer> answers, List<JamThemes.Theme> unanswered, boolean organiser,
                          boolean canRate, Kept kept) {

    /** A refused form: which one ("answer", "edit", "rate"), for what (a theme key or answer id), what was typed. */
    public record Kept(String form, String target, Map<String, String> values, FieldErrors errors) {

        public static final Kept NONE = new Kept("", "", Map.of(), FieldErrors.none());

        public boolean is(String formName, Object about) {
            return form.equals(formName) && target.equals(String.valueOf(about));
        }
    }

    /** What the form for {@code about} shows in {@code field}: what was typed when it was refused, else {@code current}. */
    public String value(String form, Object about, String field, String current) {
        if (kept.is(form, about)) {
            return kept.values().getOrDefault(field, "");
        }
        return current == null ? "" : current;
    }

    /** The message naming an answer's field: "youSaid", "weDid" or "why". */
    public static String labelOf(String field) {
        return "answers." + field;
    }

    public FieldErrors errors(String form, Object about) {
        return kept.is(form, about) ? kept.errors() : FieldErrors.none();
    }
}
