package org.incrowd.jam.internal;

import java.util.List;
import org.incrowd.jam.Jam;
import org.incrowd.jam.MemberRemoval;
import org.incrowd.shared.FieldErrors;

/**
 * The organisers' page of a Jam's members: the form that removes someone (kept as typed when it is refused) and the
 * record of removals.
 */
public record MembersPage(Jam jam, List<MemberRemoval> removals, String email, String reason, FieldErrors errors,
                          boolean removed) {
}
