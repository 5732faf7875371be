package org.incrowd.kiosk.internal;

import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.identity.KioskSession;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.kiosk.KioskDevice;

/**
 * The kiosk's one screen: the question (forum) shown, the idea shown for reacting, and either the code form (nobody
 * signed in) or the acts (someone is). A refused form comes back with its message and what was typed.
 *
 * @param session      who is signed in, or null
 * @param message      the message key of a refusal (shown as an alert), or null
 * @param messageArgs  its arguments
 * @param thanks       the name to thank after an act ("Thank you, Maria — signed out"), or null
 * @param clientId     the id of this screen's acts: sending one twice does it once
 * @param idleSeconds  how long a signed-in person may stay idle before they are signed out
 */
public record KioskScreen(KioskDevice device, Jam jam, List<Forum> forums, Forum forum, Post idea, int ideaIndex,
                          int ideaCount, KioskSession session, String message, Object[] messageArgs, String thanks,
                          String code, String title, String body, String clientId, long idleSeconds) {

    public int forumIndex() {
        return forum == null ? 0 : forums.indexOf(forum);
    }

    public Forum nextForum() {
        return forums.isEmpty() ? null : forums.get((forumIndex() + 1) % forums.size());
    }

    public int nextIdea() {
        return ideaCount == 0 ? 0 : (ideaIndex + 1) % ideaCount;
    }

    /** The kiosk's words for a reaction: short, for big buttons. */
    public static String reactionKey(org.incrowd.discussion.ReactionKind kind) {
        return "kiosk.reaction." + kind.name();
    }

    public boolean signedIn() {
        return session != null;
    }
}
