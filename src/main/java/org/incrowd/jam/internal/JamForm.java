package org.incrowd.jam.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamKind;

/** The Jam form as typed, kept whole when it is refused so nothing is lost. */
public record JamForm(String title, String purpose, String question, String startsAt, String endsAt, String timeZone,
                      List<String> audience, Boolean invitationOnly, String invitations, String terms, String kind,
                      String prize, String unit) {

    /** Beyond this many addresses the form does not show the list; the invitations page does. */
    static final int MAX_LISTED = 1000;

    /** An unticked checkbox sends nothing at all. */
    public boolean invitationOnlyChecked() {
        return Boolean.TRUE.equals(invitationOnly);
    }

    static JamForm blank() {
        var start = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.HOURS);
        return new JamForm("", "", "", start.toString(), start.plusHours(72).toString(), "UTC",
                List.of(ParticipantType.EMPLOYEE.name()), false, "", "", JamKind.JAM.name(), "", "");
    }

    /** {@code invitations} null: the list is not edited in the form (it is sent without the field). */
    static JamForm of(Jam jam, List<String> invitations) {
        return new JamForm(jam.title(), nz(jam.purpose()), nz(jam.question()),
                LocalDateTime.ofInstant(jam.startsAt(), jam.timeZone()).truncatedTo(ChronoUnit.MINUTES).toString(),
                jam.openEnded() ? "" : LocalDateTime.ofInstant(jam.endsAt(), jam.timeZone())
                        .truncatedTo(ChronoUnit.MINUTES).toString(),
                jam.timeZone().getId(), jam.audience().stream().map(Enum::name).toList(), jam.invitationOnly(),
                invitations == null ? null : String.join("\n", invitations), nz(jam.terms()), jam.kind().name(),
                nz(jam.prize()), nz(jam.unit()));
    }

    JamDraft toDraft() {
        Set<ParticipantType> types = EnumSet.noneOf(ParticipantType.class);
        if (audience != null) {
            for (String value : audience) {
                for (ParticipantType type : ParticipantType.values()) {
                    if (type.name().equals(value)) {
                        types.add(type);
                    }
                }
            }
        }
        return new JamDraft(title, purpose, question, startsAt, endsAt, timeZone, types, invitationOnlyChecked(), invitations,
                terms, kindOrJam(), prize, unit);
    }

    /** The kind ticked in the radio group; nothing ticked (or an unknown value) is a Jam. */
    public JamKind kindOrJam() {
        return JamKind.parse(kind);
    }

    public boolean includes(ParticipantType type) {
        return audience != null && audience.contains(type.name());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
