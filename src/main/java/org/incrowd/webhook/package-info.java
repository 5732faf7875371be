/**
 * Webhooks for other systems: an organiser registers an address for a Jam and picks events (a post created, a post
 * reaching an agreement milestone, the Jam's phase changing); each event is written to a webhook outbox in the
 * transaction of the change, and a background sender delivers it, signed with the webhook's secret and retried with
 * back-off, once per cluster. Addresses inside the private network are refused (docs/adr/0026).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks", allowedDependencies = {
        "shared", // refuses bad requests, renders pages with the shared vocabulary, the retry rule and public URLs
        "identity", // who is acting; organisers register webhooks
        "jam", // webhooks belong to a Jam, whose schedule gives the phase changes
        "discussion" // posts created and reactions cast are what most webhooks report
})
package org.incrowd.webhook;
