package org.incrowd.insight.opinions;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.incrowd.discussion.Post;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.Stance;
import org.incrowd.insight.opinions.algorithm.StatementStanding;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.shared.Ui;

/**
 * What the opinion map page shows for a Jam ({@code forum} null) or a forum.
 *
 * @param map the latest stored map, or null before the first one
 * @param statements the posts the map mentions, by id (posts the reader may not see are missing)
 * @param mine where the reader sits, or null when they have not reacted here
 * @param votesNeeded how many more reactions the reader needs before they are placed in a group (0 when placed)
 * @param mostAgreed posts by raw agree count, shown beside the bridging ranking
 * @param canReact whether the reader may react here now (the Jam is open and they take part)
 * @param next the statements to react to next, in place ({@link NextStatements}); empty when there are none left
 */
public record OpinionPage(Jam jam, Forum forum, List<Forum> forums, OpinionSnapshot map, Map<Long, Post> statements,
                          Placement mine, int votesNeeded, List<Post> mostAgreed, boolean canReact, List<Post> next) {

    private static final int SUMMARY_LENGTH = 160;

    public boolean hasMap() {
        return map != null && !map.groups().isEmpty();
    }

    /** The page's own address, for links and for the live refresh. */
    public String path() {
        return forum == null ? "/jams/" + jam.id() + "/opinions" : "/forums/" + forum.id() + "/opinions";
    }

    /** Groups are named A, B, C ... as in Pol.is: letters carry no order of importance. */
    public static String groupName(int group) {
        return org.incrowd.insight.OpinionFindings.groupName(group);
    }

    public Post statement(long postId) {
        return statements.get(postId);
    }

    public static int percent(double share) {
        return (int) Math.round(share * 100);
    }

    /** The top of the bridging ranking, as long as the most-agreed list beside it. */
    public List<StatementStanding> bridging() {
        return map == null ? List.of() : OpinionMaps.bridgingTop(map);
    }

    /** "85 % of group A agree, 20 % of everyone else." for a statement that sets a group apart. */
    public static String setApart(Ui ui, Stance stance, int group, double groupShare, double othersShare) {
        return ui.t("opinions.representative." + stance.name(), percent(groupShare), groupName(group),
                percent(othersShare));
    }

    /**
     * "Agree, by group: A 85 % · B 20 % · 16 people reacted": how each group stands, and out of how many, in one line
     * a screen reader reads in order.
     */
    public static String shares(Ui ui, StatementStanding standing) {
        var parts = new StringJoiner(" · ");
        for (int group = 0; group < standing.shareByGroup().size(); group++) {
            parts.add(groupName(group) + " " + percent(standing.shareByGroup().get(group)) + " %");
        }
        return ui.t("opinions.shares." + standing.stance().name(), parts.toString()) + " · "
                + ui.t("opinions.reacted", standing.votes());
    }

    /** An idea by its title, a reply by the start of its text (plain: the template escapes it). */
    public static String summary(Post post) {
        if (post.title() != null && !post.title().isBlank()) {
            return post.title();
        }
        String text = post.body().strip().replaceAll("\\s+", " ");
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH).strip() + "…";
    }
}
