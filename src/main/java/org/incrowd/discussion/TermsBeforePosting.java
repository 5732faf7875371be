package org.incrowd.discussion;

import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.Terms;
import org.springframework.stereotype.Component;

/**
 * The rule that a new version of the terms asks again before the next post (ADR 47): ideas, replies and edits
 * publish words under the terms, so they wait until the writer accepted the current organisation's and Jam's terms.
 * Reading and reacting never wait. Kiosk posts do not either: the kiosk shows the Jam's terms beside its form, so
 * posting there accepts them, and its queue of posts made offline has no page to send anyone to.
 */
@Component
class TermsBeforePosting {

    private final Terms terms;
    private final CurrentActor currentActor;

    TermsBeforePosting(Terms terms, CurrentActor currentActor) {
        this.terms = terms;
        this.currentActor = currentActor;
    }

    /** Refuses with {@link org.incrowd.jam.TermsNotAccepted} where the writer must accept newer terms first. */
    void require(Actor writer, long jamId) {
        if (currentActor.atKiosk()) {
            terms.acceptShownJamTerms(writer.personId(), jamId);
        } else {
            terms.requireAccepted(writer, jamId);
        }
    }
}
