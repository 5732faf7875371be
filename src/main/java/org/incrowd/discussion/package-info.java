/**
 * The conversation: ideas that start threads, replies that build on posts, Markdown made safe, tags, edit history,
 * agree / disagree / pass reactions (the raw material of opinion groups) and helpful marks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discussion")
package org.incrowd.discussion;
