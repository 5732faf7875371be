/**
 * Personal data people control and the organisation's duty of care: revealing a hidden author only with two
 * administrators and a reason, a person's own data to download, deleting an account, and retention of old records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = {
        "shared", // refuses requests, renders pages, publishes AdministrativeAct for the audit trail
        "identity", // people, accounts and administrators
        "jam", // Jams, their forums and identity modes
        "discussion", // posts whose authors a reveal names
        "mail" // the author of a revealed post is told, and so is a person whose data is ready
})
package org.incrowd.privacy;
