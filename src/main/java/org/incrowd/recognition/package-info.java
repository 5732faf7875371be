/**
 * Recognition for givers: credit for acts that help others (an answer marked as the solution, an adopted build-on,
 * helpful marks, work in an idea team, facilitation, help for newcomers), weighted so that rings who only help each
 * other and self-promotion earn little; badges, a Jam's givers page and prizes. It only listens: every act it credits
 * is an event of the module where it happened.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // givers are people; who is acting
        "jam", // recognition is per Jam, switched on or off by its organisers
        "discussion", // helpful marks, adopted build-ons, idea teams, claimed proxy ideas
        "facilitation", // facilitation work
        "help" // answers marked as the solution
})
package org.incrowd.recognition;
