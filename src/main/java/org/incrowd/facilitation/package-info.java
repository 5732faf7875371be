/**
 * Facilitation: what hosts, facilitators and organisers do to guide a Jam while it runs. Participants flag posts
 * with a reason; facilitators work the moderation queue (hide with a reason the author sees, restore, keep), pin
 * and spotlight posts, move threads, make announcements, schedule guests, and leave hand-off notes for the next
 * shift. Every action is recorded (who, what, when, why) for organisers. Posts themselves stay the discussion
 * module's: this module asks it to hide, pin or move them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Facilitation", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // who is acting, and whose posts are flagged
        "jam", // a forum's hosts and facilitators act in their forum
        "discussion" // hides, pins and moves posts through Moderating; marks guests' posts as published
})
package org.incrowd.facilitation;
