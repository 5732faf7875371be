package org.incrowd.help.internal;

import java.util.List;
import java.util.Set;
import org.incrowd.help.HelpQuestion;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.shared.FieldErrors;

/** What the routing, hand-over and embedding pages show (records the templates read). */
public final class HelpPages {

    private HelpPages() {
    }

    /** A member's topics and availability, as saved or as typed when refused. */
    public record ExpertisePage(Jam jam, List<Forum> topics, Set<Long> chosen, String awayUntil, boolean offShift,
                                FieldErrors errors, boolean saved, boolean staff) {
    }

    /** Organisers' overview: who covers which topic, the general topics, and the sites that may embed the stream. */
    public record ExpertsPage(Jam jam, List<Expertise.Coverage> coverage, String origins, FieldErrors errors,
                              boolean organiser, String notice) {
    }

    /** The hand-over form of one question, with the chain so far and the colleagues to pick from. */
    public record HandOverPage(Jam jam, HelpQuestion question, String title, List<HandOvers.HandOver> chain,
                               List<Colleague> colleagues, String colleague, String note, FieldErrors errors) {
    }

    /** Under a question, for answerers: whom it is with, and the hand-overs so far. */
    public record HandOverNote(long questionId, String assignee, List<HandOvers.HandOver> chain) {
    }

    /** Someone a question can be handed to (listed for convenience; any member's address is accepted). */
    public record Colleague(String name, String email) {
    }

    /** One line of the embedded stream. */
    public record EmbedLine(HelpQuestion question, String title) {
    }

    public record EmbedPage(Jam jam, List<EmbedLine> lines) {
    }
}
