/**
 * What the organisation does with the ideas it was given: review stages per Jam or campaign, reviewers and
 * scorecards, decisions with their written reasons, answers to whole themes and how well they explain, duplicates
 * joined with both authors' consent. Everything done is written to the response ledger ({@link
 * org.incrowd.review.ReviewLedger}): who, when, what and why, shown to participants as each idea's "what happened".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // reviewers and authors are people; who is acting; the author's participant type
        "jam", // a Jam's or campaign's organisers, forums and staff
        "discussion", // the ideas reviewed are its root posts; pages show decisions beside posts (PostNotes)
        "insight" // answers and assignments by theme use the Jam Pulse themes
})
package org.incrowd.review;
