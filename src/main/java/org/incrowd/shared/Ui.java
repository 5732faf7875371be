package org.incrowd.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What every template needs besides its own data: the reader's language, their messages, the CSRF token for forms
 * and who is signed in. One instance per request, added to every model by the shell.
 */
public final class Ui {

    private final MessageSource messages;
    private final Locale locale;
    /**
     * The CSRF token's parameter and value, asked only when a page renders a form: reading either makes the token,
     * and a token kept in a session starts one, which a JSON answer or a page without forms does not need.
     */
    private final java.util.function.Supplier<String> csrfParameter;
    private final java.util.function.Supplier<String> csrfToken;
    private final Viewer viewer;
    private final String path;
    private final java.util.function.UnaryOperator<String> assets;
    /** When the page was made: a live page's stream starts from here, so nothing between page and stream is lost. */
    private final java.time.Instant renderedAt = java.time.Instant.now();
    /** Set by the controller of a page of a plain-language Jam, before the page is rendered. */
    private boolean plainLanguage;

    public Ui(MessageSource messages, Locale locale, java.util.function.Supplier<String> csrfParameter,
              java.util.function.Supplier<String> csrfToken, Viewer viewer,
              String path, java.util.function.UnaryOperator<String> assets) {
        this.messages = messages;
        this.locale = locale;
        this.csrfParameter = csrfParameter;
        this.csrfToken = csrfToken;
        this.viewer = viewer;
        this.path = path;
        this.assets = assets;
    }

    /**
     * The URL of a static file that browsers may keep: {@code /css/incrowd.css} becomes {@code /css/incrowd-<hash>.css},
     * {@code /webjars/echarts/echarts.min.js} gets the webjar's version and hash.
     */
    public String asset(String path) {
        return assets.apply(path);
    }

    /**
     * A count message ({@code {0,choice,0#no replies|1#1 reply|1<{0} replies}}) for a script that puts a changed count
     * in place: its forms for none, one and more than one, the last with {@code #} where the number goes. Every count
     * message of this project has these three forms.
     */
    public CountForms countForms(String key) {
        long sentinel = 987_654_321; // no message holds it: only the number's place becomes #
        String many = t(key, sentinel).replace(java.text.NumberFormat.getIntegerInstance(locale).format(sentinel), "#");
        return new CountForms(t(key, 0), t(key, 1), many);
    }

    /** A count message's three forms, as {@link #countForms} gives them. */
    public record CountForms(String zero, String one, String many) {
    }

    /**
     * The message for {@code key} in the reader's language; a missing key shows itself so it gets noticed. On a page
     * that speaks plainly, the key's {@code .plain} variant where there is one.
     */
    public String t(String key, Object... arguments) {
        if (plainLanguage) {
            String plain = messages.getMessage(key + ".plain", arguments, null, locale);
            if (plain != null) {
                return plain;
            }
        }
        return messages.getMessage(key, arguments, key, locale);
    }

    /**
     * The page belongs to a Jam that asked for plain language (its controller knows the Jam, the shell does not):
     * messages then come in their short {@code .plain} variants, and the layout marks the page for its styles.
     */
    public void speakPlainly(boolean plain) {
        this.plainLanguage = plain;
    }

    public boolean plainLanguage() {
        return plainLanguage;
    }

    public long renderedAtMillis() {
        return renderedAt.toEpochMilli();
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String csrfParameter() {
        return csrfParameter.get();
    }

    public String csrfToken() {
        return csrfToken.get();
    }

    public boolean signedIn() {
        return viewer != null;
    }

    /** The signed-in person, or null for a guest. */
    public Viewer viewer() {
        return viewer;
    }

    /** Signed in without a verified address: every page says so and offers a new link. */
    public boolean unverified() {
        return viewer != null && !viewer.verified();
    }

    public boolean canOrganise() {
        return viewer != null && viewer.canOrganise();
    }

    public boolean isAdministrator() {
        return viewer != null && viewer.isAdministrator();
    }

    public String path() {
        return path;
    }

    public boolean isCurrent(String prefix) {
        return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** The message next to a form field, or null when the field is fine. */
    public String error(FieldErrors errors, String field) {
        if (errors == null || !errors.has(field)) {
            return null;
        }
        return t(errors.keyFor(field), errors.argumentsFor(field));
    }

    public String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone == null ? ZoneId.of("UTC") : zone).format(instant)
                + " (" + (zone == null ? "UTC" : zone.getId()) + ")";
    }

    /** Day and time, short ("05/12/2026, 09:00"): for column headings and chart axes. */
    public String shortTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(instant);
    }

    public String dateTime(Instant instant) {
        return dateTime(instant, ZoneId.of("UTC"));
    }

    /** "3 days 4 hours", "12 minutes": how long until or since a moment, coarse enough to read at a glance. */
    public String duration(Duration duration) {
        return duration(duration, "time.daysHours");
    }

    /** German counts days in the dative after "vor" ("vor 3 Tagen"), so "ago" has its own form for days. */
    private String duration(Duration duration, String daysKey) {
        long minutes = Math.abs(duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        if (days > 0) {
            return t(daysKey, days, hours);
        }
        if (hours > 0) {
            return t("time.hoursMinutes", hours, minutes % 60);
        }
        return t("time.minutes", Math.max(minutes, 1));
    }

    /** Every country (ISO 3166 code), named and ordered as the reader's language names and sorts them. */
    public java.util.List<Choice> countries() {
        var byName = java.text.Collator.getInstance(locale);
        return java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> new Choice(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(java.util.Comparator.comparing(Choice::label, byName))
                .toList();
    }

    /** "5 minutes ago" style for post times. */
    public String ago(Instant instant) {
        var elapsed = Duration.between(instant, Instant.now());
        return elapsed.toMinutes() < 1 ? t("time.justNow") : t("time.ago", duration(elapsed, "time.ago.daysHours"));
    }
}
