package org.incrowd.kiosk;

import java.time.Clock;
import java.util.Optional;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.Posting;
import org.incrowd.discussion.Reacting;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.kiosk.internal.KioskRows;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person does on a kiosk: post an idea to the question shown, or react to an idea. Each act goes through the
 * discussion module as that person (rate limits, moderation and live updates apply) and carries the id the kiosk
 * gave it: an act sent twice — a reload, or an offline act sent again after a lost answer — is done once.
 */
@Service
public class KioskActs {

    private static final String CLIENT_ID = "[A-Za-z0-9_-]{8,64}";

    private final KioskRows rows;
    private final Posting posting;
    private final Reacting reacting;
    private final Reading reading;
    private final JamService jams;
    private final Clock clock;

    KioskActs(KioskRows rows, Posting posting, Reacting reacting, Reading reading, JamService jams, Clock clock) {
        this.rows = rows;
        this.posting = posting;
        this.reacting = reacting;
        this.reading = reading;
        this.jams = jams;
        this.clock = clock;
    }

    /** An act done: the post written or reacted to; {@code repeated}: the kiosk had sent this act before. */
    public record Done(long postId, boolean repeated) {
    }

    /** The act this kiosk sent with this id before, if any. */
    public Optional<Done> earlier(KioskDevice device, String clientId) {
        return clientId == null ? Optional.empty()
                : rows.actPost(device.id(), clientId).map(postId -> new Done(postId, true));
    }

    @Transactional
    public Done idea(KioskDevice device, Actor person, long forumId, String clientId, String title, String body) {
        requireClientId(clientId);
        var forum = jams.findForum(forumId).filter(f -> f.jamId() == device.jamId())
                .orElseThrow(() -> Refusal.notFound("kiosk.forum.notFound"));
        if (!rows.claimAct(device.id(), clientId, person.personId(), "IDEA", clock.instant())) {
            return earlier(device, clientId).orElseThrow();
        }
        long postId = posting.startThread(person, forum.id(), new PostDraft(title, body, null)).id();
        rows.actDone(device.id(), clientId, postId);
        return new Done(postId, false);
    }

    @Transactional
    public Done react(KioskDevice device, Actor person, long postId, ReactionKind kind, String clientId) {
        requireClientId(clientId);
        var post = reading.require(person, postId);
        if (post.jamId() != device.jamId() || !post.isIdea()) {
            throw Refusal.notFound("kiosk.idea.notFound");
        }
        if (!rows.claimAct(device.id(), clientId, person.personId(), "REACTION", clock.instant())) {
            return earlier(device, clientId).orElseThrow();
        }
        reacting.react(person, postId, kind);
        rows.actDone(device.id(), clientId, postId);
        return new Done(postId, false);
    }

    private static void requireClientId(String clientId) {
        if (clientId == null || !clientId.matches(CLIENT_ID)) {
            throw Refusal.badRequest("clientId", "kiosk.clientId.invalid");
        }
    }
}
