package org.incrowd.webhook.internal;

import java.util.List;
import org.incrowd.jam.Jam;

/** One webhook and a page of its deliveries, newest first. */
public record DeliveriesPage(Jam jam, Webhook webhook, List<Delivery> deliveries, int page, boolean hasMore) {
}
