package org.incrowd.jam.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.Forum;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.ForumStaff;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.incrowd.jam.JamStats;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Jams and forums through the API; the same service and the same rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class JamApiController {

    private final JamService jams;
    private final CurrentActor currentActor;

    JamApiController(JamService jams, CurrentActor currentActor) {
        this.jams = jams;
        this.currentActor = currentActor;
    }

    /** A Jam with its phase at the moment of the answer. */
    record JamView(long id, String title, String purpose, String question, Instant startsAt, Instant endsAt,
                   String timeZone, Set<ParticipantType> audience, boolean invitationOnly, String terms,
                   JamPhase phase, JamStats stats, JamKind kind, String prize, String unit) {

        /** An idea box open without end has no {@code endsAt}: it never closes by the clock. */
        static JamView of(Jam jam, Instant now, JamStats stats) {
            return new JamView(jam.id(), jam.title(), jam.purpose(), jam.question(), jam.startsAt(),
                    jam.openEnded() ? null : jam.endsAt(), jam.timeZone().getId(), jam.audience(),
                    jam.invitationOnly(), jam.terms(), jam.phase(now), stats, jam.kind(), jam.prize(), jam.unit());
        }
    }

    /** {@code communityContinues}: after the Jam, whether the forum continues as a community or is an archive. */
    record ForumView(long id, long jamId, String title, String question, boolean communityContinues,
                     List<ForumStaff> staff) {
    }

    /** The forums that continue as communities after the Jam; the others become read-only archives. */
    record CommunityRequest(List<Long> continuingForumIds) {
    }

    record JoinRequest(boolean acceptTerms) {
    }

    @GetMapping("/jams")
    List<JamView> jams() {
        Instant now = jams.now();
        return jams.visibleTo(currentActor.require()).stream().map(jam -> JamView.of(jam, now, null)).toList();
    }

    @GetMapping("/jams/{jamId}")
    JamView jam(@PathVariable long jamId) {
        return JamView.of(jams.require(currentActor.require(), jamId), jams.now(), jams.stats(jamId));
    }

    @PostMapping("/jams")
    @ResponseStatus(HttpStatus.CREATED)
    JamView create(@RequestBody JamDraft draft) {
        return JamView.of(jams.create(currentActor.require(), draft), jams.now(), null);
    }

    @PutMapping("/jams/{jamId}")
    JamView update(@PathVariable long jamId, @RequestBody JamDraft draft) {
        return JamView.of(jams.update(currentActor.require(), jamId, draft), jams.now(), null);
    }

    @PostMapping("/jams/{jamId}/publish")
    JamView publish(@PathVariable long jamId) {
        return JamView.of(jams.publish(currentActor.require(), jamId), jams.now(), null);
    }

    @PostMapping("/jams/{jamId}/open")
    JamView open(@PathVariable long jamId) {
        return JamView.of(jams.openNow(currentActor.require(), jamId), jams.now(), null);
    }

    @PostMapping("/jams/{jamId}/close")
    JamView close(@PathVariable long jamId) {
        return JamView.of(jams.closeNow(currentActor.require(), jamId), jams.now(), null);
    }

    @PostMapping("/jams/{jamId}/community")
    JamView community(@PathVariable long jamId, @RequestBody CommunityRequest request) {
        var ids = request == null || request.continuingForumIds() == null ? List.<Long>of()
                : request.continuingForumIds();
        return JamView.of(jams.continueAsCommunity(currentActor.require(), jamId, ids), jams.now(), null);
    }

    @PostMapping("/jams/{jamId}/join")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void join(@PathVariable long jamId, @RequestBody(required = false) JoinRequest request) {
        jams.join(currentActor.require(), jamId, request != null && request.acceptTerms());
    }

    @GetMapping("/jams/{jamId}/forums")
    List<ForumView> forums(@PathVariable long jamId) {
        var forums = jams.forums(currentActor.require(), jamId);
        var staff = jams.staff(forums);
        return forums.stream().map(f -> view(f, staff.getOrDefault(f.id(), List.of()))).toList();
    }

    @PostMapping("/jams/{jamId}/forums")
    @ResponseStatus(HttpStatus.CREATED)
    ForumView addForum(@PathVariable long jamId, @RequestBody ForumDraft draft) {
        return view(jams.addForum(currentActor.require(), jamId, draft), List.of());
    }

    @PutMapping("/forums/{forumId}")
    ForumView updateForum(@PathVariable long forumId, @RequestBody ForumDraft draft) {
        var forum = jams.updateForum(currentActor.require(), forumId, draft);
        return view(forum, jams.staff(List.of(forum)).getOrDefault(forumId, List.of()));
    }

    @GetMapping("/forums/{forumId}")
    ForumView forum(@PathVariable long forumId) {
        var forum = jams.requireForum(currentActor.require(), forumId).forum();
        return view(forum, jams.staff(List.of(forum)).getOrDefault(forumId, List.of()));
    }

    private static ForumView view(Forum forum, List<ForumStaff> staff) {
        return new ForumView(forum.id(), forum.jamId(), forum.title(), forum.question(), forum.communityContinues(),
                staff);
    }
}
