package org.incrowd.jam.internal;

import java.time.Instant;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Terms;
import org.incrowd.jam.TermsAcceptance;
import org.incrowd.jam.TermsScope;
import org.incrowd.jam.TermsVersion;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The terms in JSON: a scope's versions, accepting the current one (what a {@code terms-not-accepted} problem points
 * to), and what the caller accepted. Read and accepted with the same rules as the pages.
 */
@RestController
@RequestMapping("/api/v1")
class TermsApiController {

    record VersionView(String scope, int version, String text, Instant publishedAt, boolean current) {

        static VersionView of(TermsVersion version, boolean current) {
            return new VersionView(version.scope().key(), version.version(), version.text(), version.publishedAt(),
                    current);
        }
    }

    record AcceptanceView(String scope, int version, Instant acceptedAt) {

        static AcceptanceView of(TermsAcceptance acceptance) {
            return new AcceptanceView(acceptance.scope().key(), acceptance.version(), acceptance.acceptedAt());
        }
    }

    private final Terms terms;
    private final JamService jams;
    private final CurrentActor currentActor;

    TermsApiController(Terms terms, JamService jams, CurrentActor currentActor) {
        this.terms = terms;
        this.jams = jams;
        this.currentActor = currentActor;
    }

    /** Every version of the scope's terms, newest first; {@code current} marks the one posting asks for. */
    @GetMapping("/terms/{scope}")
    List<VersionView> versions(@PathVariable String scope) {
        var parsed = readable(scope);
        int current = terms.current(parsed).map(TermsVersion::version).orElse(0);
        return terms.versions(parsed).stream().map(v -> VersionView.of(v, v.version() == current)).toList();
    }

    @PostMapping("/terms/{scope}/{version}/acceptance")
    @ResponseStatus(HttpStatus.CREATED)
    AcceptanceView accept(@PathVariable String scope, @PathVariable int version) {
        return AcceptanceView.of(terms.accept(currentActor.require(), readable(scope), version));
    }

    @GetMapping("/profile/terms")
    List<AcceptanceView> accepted() {
        return terms.acceptedBy(currentActor.require().personId()).stream().map(AcceptanceView::of).toList();
    }

    private TermsScope readable(String key) {
        return TermsController.readable(jams, currentActor.require(), key);
    }
}
