package org.incrowd.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every kind of event a live page can receive, with the name it carries on the wire (the SSE {@code event:} field and
 * the log's {@code type} column) and what its payload holds. The live module writes them, templates name the ones a
 * page region listens to ({@code data-live-on}) through {@link #listen}, and {@code static/js/live.js} handles the few
 * steers the stream with (presence, refresh, removed); a test checks that the script names no event missing here. It sits in the shared vocabulary,
 * not in {@code live}, because the pages that listen belong to modules that must not depend on live updates.
 */
public enum LiveEventType {

    /** A new idea or reply. Payload: {@code {"post", "thread", "parent", "forum"}} ({@code parent} null for an idea). */
    POST("post", true),
    /** A post's text changed. Payload: {@code {"post", "thread"}}. */
    POST_EDITED("post-edited", true),
    /**
     * Reaction counts (or an idea's reply count) changed, coalesced per thread and second. Payload: {@code {"thread",
     * "posts": [ids], "counts": [{"AGREE", "DISAGREE", "PASS", "HELPFUL", "REPLIES"}]}}, a count object per post in
     * the order of {@code posts} ({@code REPLIES} for ideas only; a hidden post's reactions are left out, so a hidden
     * reply's object is null and a hidden idea's holds its reply count alone); pages put the counts in
     * place ({@code data-counts-of}), and only regions whose order follows the counts fetch again.
     */
    TALLY("tally", true),
    /** A Pol.is conversation was imported into a forum. Payload: {@code {"forum"}}. */
    IMPORT("import", true),
    /** Hidden, restored, pinned or spotlit. Payload: {@code {"post", "thread"}}. */
    MODERATED("moderated", true),
    /** A thread moved between forums (sent to both). Payload: {@code {"thread", "from", "to"}}. */
    MOVED("moved", true),
    /** An announcement was made, corrected or withdrawn. Payload: {@code {"announcement"}}. */
    ANNOUNCEMENT("announcement", true),
    /** The moderation queue changed; the post is not named. Payload: {@code {}}. */
    FLAG("flag", true),
    /** A guest session started. Payload: {@code {"session"}}. */
    GUEST("guest", true),
    /** A new opinion map was computed. Payload: {@code {"computedAt"}}. */
    OPINIONS("opinions", true),
    /** New themes were computed. Payload: {@code {"computedAt"}}. */
    THEMES("themes", true),
    /** How many people have this page open, summed over nodes; never logged, never replayed. Payload: {@code {"here"}}. */
    PRESENCE("presence", false),
    /** Too much was missed to replay: the page reloads. Never logged. Payload: {@code {}}. */
    REFRESH("refresh", false),
    /**
     * New notifications: the bell fetches its count again. Payload {@code {"person"}} goes only to that person's
     * streams (in any Jam); {@code {}} to every stream of the Jam (one event for a Jam-wide fan-out).
     */
    NOTIFICATION("notification", true),
    /**
     * The review changed what participants see: a decision, an answer, a rating, a merge, the report. Payload:
     * {@code {"thread", "what"}} for one thread, {@code {"what"}} for the whole Jam (a bulk decision, a theme answer).
     */
    REVIEWED("reviewed", true),
    /** The reader was removed from the Jam: the page reloads and says why. Payload: {@code {"person"}}. */
    REMOVED("removed", false);

    private final String wireName;
    /** Whether page regions listen for it ({@code data-live-on}); the others steer the stream itself. */
    private final boolean forRegions;

    LiveEventType(String wireName, boolean forRegions) {
        this.wireName = wireName;
        this.forRegions = forRegions;
    }

    /** The name on the wire and in the log. */
    public String wireName() {
        return wireName;
    }

    /**
     * In a region's {@code data-live-on}, a new idea only: a {@code post} event whose post has no parent. A forum's
     * list of ideas fetches itself again for new ideas; a reply changes only its idea's reply count, which the tally
     * puts in place.
     */
    public static final String NEW_IDEA = "post:idea";

    /** The value of a region's {@code data-live-on} attribute: the wire names, space-separated. */
    public static String listen(LiveEventType... types) {
        return Arrays.stream(types).map(LiveEventType::wireName).collect(Collectors.joining(" "));
    }

    /**
     * Every event a region may listen to, for the page's {@code <body data-live-types>}: the script subscribes to
     * these and refreshes the regions that name the one that arrived.
     */
    public static String forRegions() {
        return listen(Arrays.stream(values()).filter(type -> type.forRegions).toArray(LiveEventType[]::new));
    }

    /**
     * The wire names a stream always carries, whatever its page listens to: the ones that steer the stream itself
     * (presence, refresh, removed).
     */
    public static Set<String> steering() {
        return Arrays.stream(values()).filter(type -> !type.forRegions).map(LiveEventType::wireName)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<LiveEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
