package org.incrowd.mail.internal;

/** What one attempt to hand a message to SMTP came to. */
sealed interface Outcome {

    /** The server took it. */
    record Sent() implements Outcome {
    }

    /** Try again later (server away, busy, a 4xx answer, or this node ran out of its lease). */
    record TryAgain(String reason) implements Outcome {
    }

    /** The server refuses the recipient for good (5xx to RCPT). */
    record Bounced(String reason) implements Outcome {
    }

    /** It can never go as it is: no composer for its kind, a composer that failed, a 5xx to the message itself. */
    record Failed(String reason) implements Outcome {
    }

    Outcome SENT = new Sent();
}
