/**
 * Demo content for {@code ./incrowd run} ({@code incrowd.demo=true}): demo accounts with documented passwords, about
 * 120 demo people from many countries, a live Jam with forums, hosts, facilitators, posts and reactions, a scheduled
 * and a closed Jam. Everything is created through the other modules' public services, never with SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo content", allowedDependencies = {
        "identity", // creates the demo people
        "jam", // creates the demo Jams and forums
        "discussion", // posts, reacts and moderates as the demo people
        "insight", // answers the closed Jam's leading themes once they are computed
        "review", // decides on the closed Jam's ideas with reasons
        "report", // publishes the closed Jam's report
        "help" // asks and answers in the demo help stream
})
package org.incrowd.demo;
