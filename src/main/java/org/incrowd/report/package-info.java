/**
 * What a Jam leaves behind: the report of its recommendations, traced back to the themes, posts and opinion groups
 * behind them (page, PDF and Markdown), and the open-data exports of a Jam or forum.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // who is acting; pseudonymised authors in exports
        "jam", // the Jam reported on, its organisers and forums; the report leads a closed Jam's home page
        "discussion", // the posts and reactions the report links to and the exports carry
        "insight", // themes, opinion groups, common ground and minority views
        "review" // decisions and theme answers: what happens next
})
package org.incrowd.report;
