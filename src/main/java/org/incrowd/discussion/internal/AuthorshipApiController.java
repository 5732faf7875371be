package org.incrowd.discussion.internal;

import java.util.List;
import org.incrowd.discussion.Adopting;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.TeamMember;
import org.incrowd.identity.CurrentActor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Idea teams and adopted build-ons through the API: the same services and rules as the thread page's buttons. */
@RestController
@RequestMapping("/api/v1")
class AuthorshipApiController {

    /** Where a build-on stands after the call. */
    record Adoption(long buildOnId, long ideaId, boolean adopted) {
    }

    private final IdeaTeams teams;
    private final Adopting adopting;
    private final CurrentActor currentActor;

    AuthorshipApiController(IdeaTeams teams, Adopting adopting, CurrentActor currentActor) {
        this.teams = teams;
        this.adopting = adopting;
        this.currentActor = currentActor;
    }

    @PutMapping("/ideas/{ideaId}/team")
    List<TeamMember> join(@PathVariable long ideaId) {
        return teams.join(currentActor.require(), ideaId);
    }

    @DeleteMapping("/ideas/{ideaId}/team")
    List<TeamMember> leave(@PathVariable long ideaId) {
        return teams.leave(currentActor.require(), ideaId);
    }

    @DeleteMapping("/ideas/{ideaId}/team/{personId}")
    List<TeamMember> remove(@PathVariable long ideaId, @PathVariable long personId) {
        return teams.remove(currentActor.require(), ideaId, personId);
    }

    @PutMapping("/posts/{postId}/adoption")
    Adoption adopt(@PathVariable long postId) {
        return adoption(adopting.adopt(currentActor.require(), postId), true);
    }

    @DeleteMapping("/posts/{postId}/adoption")
    Adoption undo(@PathVariable long postId) {
        return adoption(adopting.undo(currentActor.require(), postId), false);
    }

    private static Adoption adoption(Post buildOn, boolean adopted) {
        return new Adoption(buildOn.id(), buildOn.threadId(), adopted);
    }
}
