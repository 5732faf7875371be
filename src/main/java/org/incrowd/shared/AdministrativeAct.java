package org.incrowd.shared;

import java.util.Map;

/**
 * An administrative act, published by the module where it happened, in the act's own transaction: the audit trail
 * records it in that transaction too, so an act that is not recorded does not happen (ADR 41). It lives here, in the
 * shared vocabulary, so that every module can publish it without depending on the audit module.
 *
 * @param actorId who acted (0: the system itself, e.g. a nightly retention run)
 * @param action  what was done, a stable dotted name such as {@code role.granted} or {@code retention.run}
 * @param subject what it was done to, such as {@code person:42} or {@code jam:7}
 * @param reason  why, in the actor's words (null where the act asks for none)
 * @param details further facts of the act (old and new values, counts), shown and exported as they are
 */
public record AdministrativeAct(long actorId, String action, String subject, String reason,
                                Map<String, String> details) {

    public AdministrativeAct {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Someone in an administrative role downloaded an export ({@code format}: pdf, markdown, zip, csv...). */
    public static AdministrativeAct exportDownloaded(long actorId, String subject, String export, String format) {
        return new AdministrativeAct(actorId, "export.downloaded", subject, null,
                Map.of("export", export, "format", format));
    }
}
