package org.incrowd.discussion;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.internal.AuthorshipRows;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idea teams: anyone who may post in an idea's forum joins its team to develop it with its author as a co-author,
 * and may leave; the author may take a member off. Members edit the idea ({@link Editing}) and adopt build-ons into
 * it ({@link Adopting}); the review shows the team and tells it of decisions ({@link #members}).
 */
@Service
public class IdeaTeams {

    private final AuthorshipRows rows;
    private final PostViews views;
    private final JamService jams;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PostRepository posts;
    private final Bylines bylines;

    IdeaTeams(AuthorshipRows rows, PostViews views, JamService jams,
              ApplicationEventPublisher events, Clock clock, PostRepository posts, Bylines bylines) {
        this.posts = posts;
        this.bylines = bylines;
        this.rows = rows;
        this.views = views;
        this.jams = jams;
        this.events = events;
        this.clock = clock;
    }

    /** {@code actor} joins the idea's team; joining twice changes nothing, and the author is on it already. */
    @Transactional
    public List<TeamMember> join(Actor actor, long ideaId) {
        var idea = requireIdea(actor, ideaId);
        jams.requirePostingRights(actor, idea.forumId());
        if (idea.authorId() == actor.personId()) {
            throw Refusal.conflict("team.join.author");
        }
        if (rows.join(ideaId, actor.personId(), clock.instant())) {
            events.publishEvent(new DiscussionEvents.TeamJoined(ideaId, idea.jamId(), actor.personId()));
        }
        return members(ideaId);
    }

    /** {@code actor} leaves the idea's team. */
    @Transactional
    public List<TeamMember> leave(Actor actor, long ideaId) {
        var idea = requireIdea(actor, ideaId);
        takeOff(idea, actor.personId());
        return members(ideaId);
    }

    /** The idea's author takes {@code personId} off its team. */
    @Transactional
    public List<TeamMember> remove(Actor actor, long ideaId, long personId) {
        var idea = requireIdea(actor, ideaId);
        if (idea.authorId() != actor.personId()) {
            throw Refusal.forbidden("team.remove.notAuthor");
        }
        takeOff(idea, personId);
        return members(ideaId);
    }

    /** The team of one idea, earliest member first. */
    @Transactional(readOnly = true)
    public List<TeamMember> members(long ideaId) {
        return members(List.of(ideaId)).getOrDefault(ideaId, List.of());
    }

    /** The teams of these ideas (those that have one), earliest member first: one query for a page of ideas. */
    @Transactional(readOnly = true)
    public Map<Long, List<TeamMember>> members(Collection<Long> ideaIds) {
        var teams = rows.teams(ideaIds);
        var ideas = posts.findAll(teams.keySet());
        var byIdea = new HashMap<Long, List<TeamMember>>();
        teams.forEach((ideaId, team) -> {
            var idea = ideas.get(ideaId);
            if (idea == null) {
                return;
            }
            // Members appear as they would as authors there: a pseudonym or no name where the forum hides names.
            var shown = bylines.ofPeopleIn(Actor.GUEST, idea.jamId(), idea.forumId(),
                    team.stream().map(member -> member.personId()).toList());
            byIdea.put(ideaId, team.stream().map(member -> new TeamMember(member.personId(),
                    shown.get(member.personId()).name(), member.joinedAt())).toList());
        });
        return byIdea;
    }

    /** Whether {@code personId} develops this idea with its author (false for replies: teams are for ideas). */
    boolean isMember(Row post, long personId) {
        return post.parentId() == null && rows.isMember(post.id(), personId);
    }

    boolean hasTeam(Row post) {
        return post.parentId() == null && rows.hasTeam(post.id());
    }

    /** The author of the idea, or a member of its team: who may edit it and adopt build-ons into it. */
    boolean developsIdea(Row idea, long personId) {
        return idea.authorId() == personId || isMember(idea, personId);
    }

    private void takeOff(Row idea, long personId) {
        if (!rows.leave(idea.id(), personId)) {
            throw Refusal.conflict("team.notMember");
        }
        events.publishEvent(new DiscussionEvents.TeamLeft(idea.id(), idea.jamId(), personId));
    }

    private Row requireIdea(Actor actor, long ideaId) {
        var idea = views.requireRow(actor, ideaId);
        if (idea.parentId() != null) {
            throw Refusal.invalid("ideaId", "team.notAnIdea");
        }
        PostRules.requireNotHidden(idea.hidden());
        return idea;
    }

}
