/**
 * Jams and their forums: schedule and phases, audience and terms, membership, hosts and facilitators. Its rules
 * decide who may read and who may post where ({@link org.incrowd.jam.PostingPolicy}); the discussion module asks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jams", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // a Jam's audience, members, hosts and facilitators are people; who is acting
        "web", // lists the Jams on the home page through the shell's HomeSection
        "mail" // invitation mails go through the outbox, in the transaction that records the invitations
})
package org.incrowd.jam;
