package org.incrowd.jam.internal;

import java.util.List;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Invitation;
import org.incrowd.jam.InvitationCounts;
import org.incrowd.jam.InvitationFile;
import org.incrowd.jam.Jam;
import org.incrowd.shared.FieldErrors;

/**
 * The organisers' invitations page: counts per participant type, the forms (one person, a pasted list, a file),
 * the newest invitations. A refused form comes back as typed ({@code one}, {@code pasted}); a file with bad lines
 * names them ({@code badLines}) and offers to skip them ({@code heldId}).
 *
 * @param notice the message key of what was just done, or null
 * @param round the id of this page's "remind everyone" form: sending it twice reminds once
 */
public record InvitationsPage(Jam jam, List<InvitationCounts> counts, List<Invitation> invitations, String search,
                              List<Forum> forums, OneForm one, String pasted, String pastedType, FieldErrors errors,
                              List<InvitationFile.BadLine> badLines, int goodLines, String heldId, String round,
                              String notice, Long noticeCount) {

    /** The "invite one person" form as typed. */
    public record OneForm(String email, String name, String participantType, String country, String orgUnit,
                          String jobRole, String role, String forumId, String language) {

        static OneForm blank() {
            return new OneForm("", "", "", "", "", "", "PARTICIPANT", "", "en");
        }
    }

    public long total(java.util.function.ToLongFunction<InvitationCounts> count) {
        return counts.stream().mapToLong(count).sum();
    }

    /** A bad line's reasons are named up to this many lines; the count says how many there are in all. */
    public static final int BAD_LINES_SHOWN = 200;

    public List<InvitationFile.BadLine> badLinesShown() {
        return badLines.stream().limit(BAD_LINES_SHOWN).toList();
    }
}
