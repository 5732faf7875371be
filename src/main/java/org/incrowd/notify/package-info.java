/**
 * Notifications: what people are told in the app (the bell, the notifications page) and by mail (at once or in a
 * daily digest), their preferences, what they follow or mute. It listens to the other modules' events and decides
 * who is told; mail goes through the mail module's outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {
        "shared", // refuses bad requests, renders pages with the shared vocabulary
        "identity", // recipients are people, with addresses, languages and roles
        "jam", // Jam members, hosts and facilitators; a Jam's schedule
        "discussion", // replies, build-ons, mentions, hidden and restored posts
        "facilitation", // flags, guest sessions, announcements
        "mail", // mail at once and digests go through the outbox
        "insight", // the daily Jam digest names the Jam's leading themes (insight does not depend on notify)
        "review", // decisions, theme answers, merges and reports are told to the people concerned
        "report", // a published Jam report is told to the Jam's members (report does not depend on notify)
        "help", // answers, solutions and hand-overs are told to askers and answerers (help does not depend on notify)
        "recognition", // badges and prizes are told to their givers (recognition does not depend on notify)
        "privacy" // the author of a revealed post is told (privacy does not depend on notify)
})
package org.incrowd.notify;
