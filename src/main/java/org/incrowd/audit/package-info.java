/**
 * The audit trail: every administrative act (roles, participant types, deactivation, reveals, exports, settings,
 * retention runs) with who, when, what and why, appended in the act's own transaction and never changed.
 * Administrators search and export it. It only listens: modules publish {@code shared.AdministrativeAct}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = {
        "shared", // the AdministrativeAct every module publishes; refusals and the page vocabulary
        "identity" // who acted, and only administrators read the trail
})
package org.incrowd.audit;
