package org.incrowd.jam.internal;

import java.util.List;
import java.util.Optional;
import org.incrowd.jam.Terms;
import org.incrowd.jam.TermsAcceptance;
import org.incrowd.jam.TermsScope;
import org.incrowd.jam.TermsVersion;

/** What the terms' pages show ({@link TermsController}). */
public final class TermsPages {

    private TermsPages() {
    }

    /** A scope's terms as a page shows them: whose they are, and for organisers how many members accepted them. */
    public record TermsPage(TermsScope scope, String jamTitle, Optional<TermsVersion> current, List<TermsVersion> versions,
                     Optional<Terms.Consent> consent, int accepted, boolean justAccepted) {
    }

    /** The page that asks for a version, with what changed since the one accepted and the post it will send. */
    public record AskPage(TermsScope scope, String jamTitle, TermsVersion asked, Optional<TermsVersion> earlier,
                   Optional<KeptDrafts.Draft> draft, boolean current) {
    }

    /** One row of what a person accepted. */
    public record Accepted(TermsAcceptance acceptance, String jamTitle) {
    }
}
