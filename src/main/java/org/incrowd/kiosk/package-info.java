/**
 * Kiosks: a shared device (a tablet in a break room, a terminal in a depot) on which people without a desk post and
 * react in one Jam with a short personal code or a badge number, in sessions that may do nothing else and end after
 * each person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kiosk", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // the person behind a code; the kiosk's narrow session
        "jam", // a kiosk serves one Jam or campaign, set up by its organisers
        "discussion" // what a kiosk does: post ideas and react
})
package org.incrowd.kiosk;
