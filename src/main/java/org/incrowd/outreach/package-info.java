/**
 * Reaching people who only have a phone: short links and QR codes for a forum or campaign, printable as a poster.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // who is acting
        "jam" // the Jams and forums the links lead to, and who may make them
})
package org.incrowd.outreach;
