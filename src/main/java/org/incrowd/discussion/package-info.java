/**
 * The conversation: ideas that start threads, replies that build on posts, Markdown made safe, tags, edit history,
 * agree / disagree / pass reactions (the raw material of opinion groups) and helpful marks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discussion", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // posts have authors; who is acting
        "jam", // posts live in a Jam's forums, whose PostingPolicy decides who may read and post
        "mail" // the person an idea was entered for gets its claim link (mail depends on shared only)
})
package org.incrowd.discussion;
