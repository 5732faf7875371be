/**
 * Outgoing mail: the outbox every module writes to in its own transaction ({@link org.incrowd.mail.Outbox}), the
 * background sender that hands messages to SMTP with retries and without repeats, and the embedded SMTP server used
 * when none is configured. A module that sends mail owns its words: it registers a {@link
 * org.incrowd.mail.MailComposer} for each kind and keeps its templates under {@code jte/<module>/mail} (HTML) and
 * {@code jte-text/<module>} (plain text), rendered with {@link org.incrowd.mail.MailTemplates}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {
        "shared" // refuses bad requests and renders the administrators' mail pages with the shared vocabulary
})
package org.incrowd.mail;
