package org.incrowd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What the shell writes for every page, in both languages, read from the real message bundles. */
class UiTests {

    private static Ui ui(Locale locale) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Ui(messages, locale, () -> "_csrf", () -> "", null, "/", path -> path);
    }

    private static Instant before(Duration duration) {
        // A few seconds more, so that the time taken by the test cannot round the duration down.
        return Instant.now().minus(duration).minusSeconds(5);
    }

    @Test
    void aPageThatSpeaksPlainlyPrefersEachKeysPlainVariantAndKeepsTheOthers() {
        var english = ui(Locale.ENGLISH);
        assertThat(english.t("reaction.AGREE")).isEqualTo("Agree");
        english.speakPlainly(true);
        assertThat(english.plainLanguage()).isTrue();
        assertThat(english.t("reaction.AGREE")).isEqualTo("I agree");
        assertThat(english.t("forum.ideas")).isEqualTo("Ideas of other people");
        assertThat(english.t("forum.replies", 2)).as("no plain variant: the usual message").isEqualTo("2 replies");
        var german = ui(Locale.GERMAN);
        german.speakPlainly(true);
        assertThat(german.t("post.sendIdea")).isEqualTo("Meine Idee senden");
    }

    /** What a page's script puts in place for a changed count: the message's forms, the number's place marked. */
    @Test
    void aCountMessagesFormsAreGivenInTheReadersLanguage() {
        assertThat(ui(Locale.ENGLISH).countForms("forum.replies"))
                .isEqualTo(new Ui.CountForms("no replies", "1 reply", "# replies"));
        assertThat(ui(Locale.GERMAN).countForms("forum.replies"))
                .isEqualTo(new Ui.CountForms("keine Antworten", "1 Antwort", "# Antworten"));
    }

    @Test
    void germanRelativeTimesPutVorFirstAndCountDaysInTheDative() {
        var german = ui(Locale.GERMAN);
        assertThat(german.t("pulse.computed", german.ago(before(Duration.ofMinutes(2)))))
                .isEqualTo("vor 2 Minuten berechnet");
        assertThat(german.t("opinions.computed", german.ago(before(Duration.ofHours(3)))))
                .isEqualTo("vor 3 Stunden aktualisiert");
        assertThat(german.ago(before(Duration.ofDays(3)))).isEqualTo("vor 3 Tagen");
        assertThat(german.ago(before(Duration.ofDays(1).plusHours(2)))).isEqualTo("vor 1 Tag 2 Stunden");
        assertThat(german.duration(Duration.ofDays(3))).as("a countdown stays nominative").isEqualTo("3 Tage");
    }

    @Test
    void englishRelativeTimesHaveNoStraySpaces() {
        var english = ui(Locale.ENGLISH);
        assertThat(english.t("pulse.computed", english.ago(before(Duration.ofMinutes(2)))))
                .isEqualTo("computed 2 minutes ago");
        assertThat(english.ago(before(Duration.ofDays(3)))).isEqualTo("3 days ago");
        assertThat(english.duration(Duration.ofHours(2))).isEqualTo("2 hours");
    }

    @Test
    void countriesAreSortedByTheirNameInTheReadersLanguage() {
        var german = ui(Locale.GERMAN).countries();
        var labels = german.stream().map(Choice::label).toList();
        assertThat(labels.indexOf("Ägypten")).as("Ä sorts with A")
                .isLessThan(labels.indexOf("Belgien"));
        assertThat(labels.indexOf("Deutschland")).isLessThan(labels.indexOf("Frankreich"));
        assertThat(labels.indexOf("Österreich")).isLessThan(labels.indexOf("Polen"));
        assertThat(german).contains(new Choice("DE", "Deutschland"));

        var english = ui(Locale.ENGLISH).countries().stream().map(Choice::label).toList();
        assertThat(english.indexOf("France")).as("by name, not by code (DE before FR)")
                .isLessThan(english.indexOf("Germany"));
        assertThat(english.indexOf("United Arab Emirates")).as("AE comes late by name")
                .isGreaterThan(english.indexOf("Spain"));
    }
}
