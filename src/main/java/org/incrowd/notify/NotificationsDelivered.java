package org.incrowd.notify;

import java.util.List;

/**
 * New notifications were stored, in the transaction that caused them: open pages can refresh their bell.
 *
 * @param jamId      the Jam they are about, or null
 * @param recipients who was told, or empty when {@code wholeJam}
 * @param wholeJam   every member of the Jam was told: one event for all instead of one per person
 */
public record NotificationsDelivered(Long jamId, List<Long> recipients, boolean wholeJam) {

    public NotificationsDelivered {
        recipients = List.copyOf(recipients);
    }

    public static NotificationsDelivered to(Long jamId, List<Long> recipients) {
        return new NotificationsDelivered(jamId, recipients, false);
    }

    public static NotificationsDelivered toMembersOf(long jamId) {
        return new NotificationsDelivered(jamId, List.of(), true);
    }
}
