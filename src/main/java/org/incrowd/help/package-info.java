/**
 * Help streams: customers and employees ask, anyone of the organisation who joined answers under its name with their
 * own name and role beneath, the asker marks the answer that solved it. A help stream is a Jam of kind
 * {@link org.incrowd.jam.JamKind#HELP_STREAM}: its forums are topics, a question is a root post and its answers are
 * replies, so posting, moderation, live updates and search work as everywhere; {@code help_question} holds where
 * each question stands so that the stream can be read at scale without counting replies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "identity", // askers and answerers are people; who is acting; an answerer's role under the answer
        "jam", // a help stream is a Jam; its forums are the topics asked about
        "discussion", // questions are root posts and answers replies; its events feed the stream
        "mail", // customers confirm their address and hear of answers by mail
        "text" // topics are found in the words of a question
})
package org.incrowd.help;
