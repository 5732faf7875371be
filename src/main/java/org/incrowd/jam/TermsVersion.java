package org.incrowd.jam;

import java.time.Instant;
import org.incrowd.shared.SafeMarkdown;

/**
 * One published version of a scope's terms; versions are numbered from 1 and never change once published. An empty
 * text means that from this version on the scope asks for no terms (a Jam whose organiser removed them).
 */
public record TermsVersion(TermsScope scope, int version, String text, Instant publishedAt, long publishedBy) {

    public boolean asksForConsent() {
        return !text.isBlank();
    }

    /** The text as safe HTML: terms are Markdown, rendered as every post is (no raw HTML, no scripts). */
    public String html() {
        return SafeMarkdown.toHtml(text);
    }
}
