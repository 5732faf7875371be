package org.incrowd.report.internal;

/** The README inside every export: what it covers, how people appear in it, the files and the licence. */
final class OpenDataReadme {

    private OpenDataReadme() {
    }

    static String text(OpenDataScope scope) {
        boolean named = scope.named();
        return """
                # Open data: %s

                Exported by Incrowd on %s. Scope: %s. Privacy: %s.

                ## People in this export
                %s
                Participant types (employee, client, partner …) are kept, so that figures per type can be computed;
                they are broad groups of many people. Hidden posts, and reactions to them, are left out.

                ## Files
                Each table comes as CSV (RFC 4180, UTF-8) and as JSON (an array of objects with the same columns).
                In CSV, a text cell that starts with = + - @ gets a leading apostrophe so that spreadsheets do not run
                it as a formula. Times are ISO 8601 in UTC.

                - posts: every idea and reply, with its theme (the key in themes) when it has one.
                - reactions: agree, disagree or pass on a post.
                - participants: everyone who posted or reacted, by number, with their opinion group.
                - themes: the themes of the Jam Pulse as participants see them.
                - opinion-groups: the groups of the opinion map, largest first.
                - polis/: the opinion data in Pol.is's export format (comments.csv, votes.csv, participants-votes.csv
                  with group ids), readable by tools made for Pol.is and by Incrowd's own Pol.is import. Participant
                  ids are the numbers of participants.csv; comment ids are post ids.%s

                ## Licence
                The organisers publish this data under %s. Cite the Jam's title and the date of the export.
                """.formatted(escape(scope.title()), scope.exportedAt(),
                scope.forumId() == null ? "the whole Jam" : "one forum",
                named ? "pseudonymised" : "authors removed",
                named ? """
                        Authors and voters appear as pseudonyms (p-…): the same person has the same pseudonym in
                        this Jam or forum, and another elsewhere. They are made with a key that stays on the server,
                        so they cannot be traced back to an account. No names, e-mail addresses, units or account ids
                        are included. Posts in pseudonymous or anonymous forums have an empty author cell (and
                        author-id -1 in comments.csv), and anonymous posts no author type: the export does not tie
                        them to the pseudonym of their author's other posts.
                        """ : """
                        There is no author or voter column: posts and reactions do not say who wrote or cast them.
                        The Pol.is files number voters (0, 1, 2 …) so that the opinion map can be recomputed; these
                        numbers are not linked to any post's author (comments.csv gives author-id -1).
                        """,
                "\n  When a conversation is too large for a column per statement, participants-votes.csv keeps\n"
                        + "  only its per-participant columns; the votes are in votes.csv.",
                OpenDataWriter.LICENCE);
    }

    /** Titles are people's text: Markdown and HTML in them are shown as written, not run. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]()<>#+-.!|&".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return escaped.toString();
    }
}
