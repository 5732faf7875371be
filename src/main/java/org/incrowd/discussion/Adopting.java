package org.incrowd.discussion;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The author of an idea, or a member of its team, adopts a build-on into the idea: the reply shows "adopted into
 * the idea", the idea lists its adopted contributions, and {@link DiscussionEvents.BuildOnAdopted} lets recognition
 * credit the builder. Undoing publishes {@link DiscussionEvents.BuildOnAdoptionUndone}, so that no credit outlives
 * the adoption. Adopting one's own reply is refused: it helps nobody else.
 */
@Service
public class Adopting {

    private final AuthorshipRows rows;
    private final PostRepository posts;
    private final PostViews views;
    private final IdeaTeams teams;
    private final JamService jams;
    private final Bylines bylines;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Adopting(AuthorshipRows rows, PostRepository posts, PostViews views, IdeaTeams teams, JamService jams,
             Bylines bylines, ApplicationEventPublisher events, Clock clock) {
        this.bylines = bylines;
        this.rows = rows;
        this.posts = posts;
        this.views = views;
        this.teams = teams;
        this.jams = jams;
        this.events = events;
        this.clock = clock;
    }

    /** Adopts the build-on into its thread's idea; adopting it again changes nothing. */
    @Transactional
    public Post adopt(Actor actor, long buildOnId) {
        var buildOn = views.requireRow(actor, buildOnId);
        var idea = requireAdopter(actor, buildOn);
        if (buildOn.authorId() == actor.personId()) {
            throw Refusal.conflict("adoption.own");
        }
        PostRules.requireNotHidden(buildOn.hidden());
        if (rows.adopt(buildOnId, idea.id(), actor.personId(), clock.instant())) {
            events.publishEvent(new DiscussionEvents.BuildOnAdopted(buildOnId, idea.id(), idea.jamId(),
                    actor.personId(), buildOn.authorId()));
        }
        return views.of(actor, buildOn);
    }

    /** Takes an adopted build-on out of the idea again. */
    @Transactional
    public Post undo(Actor actor, long buildOnId) {
        var buildOn = views.requireRow(actor, buildOnId);
        var idea = requireAdopter(actor, buildOn);
        if (!rows.unadopt(buildOnId)) {
            throw Refusal.conflict("adoption.notAdopted");
        }
        events.publishEvent(new DiscussionEvents.BuildOnAdoptionUndone(buildOnId, idea.id(), idea.jamId(),
                actor.personId(), buildOn.authorId()));
        return views.of(actor, buildOn);
    }

    /** The build-ons adopted into each of these ideas, with their builders' names. */
    @Transactional(readOnly = true)
    public Map<Long, List<AdoptedBuildOn>> adoptedInto(Collection<Long> ideaIds) {
        var adoptions = rows.adoptions(ideaIds);
        var buildOnIds = adoptions.values().stream().flatMap(List::stream).map(AuthorshipRows.Adoption::buildOnId)
                .toList();
        var buildOns = posts.findAll(buildOnIds);
        // The builder as on the build-on itself: a pseudonym or no name where its forum hides names.
        var shown = bylines.of(Actor.GUEST, buildOns.values().stream().map(Bylines::authored).toList());
        var byIdea = new HashMap<Long, List<AdoptedBuildOn>>();
        adoptions.forEach((ideaId, list) -> byIdea.put(ideaId, list.stream()
                .filter(adoption -> buildOns.containsKey(adoption.buildOnId()))
                .map(adoption -> {
                    long builder = buildOns.get(adoption.buildOnId()).authorId();
                    return new AdoptedBuildOn(adoption.buildOnId(), ideaId, builder, shown.get(adoption.buildOnId()).name(),
                            adoption.adopterId(), adoption.adoptedAt());
                }).toList()));
        return byIdea;
    }

    /** Which of these posts were adopted into their idea. */
    @Transactional(readOnly = true)
    public Set<Long> adoptedAmong(Collection<Long> postIds) {
        return rows.adoptedAmong(postIds);
    }

    /**
     * Whether {@code actor} may adopt build-ons of this thread: the idea's author or team, with posting rights. A help
     * stream's question has answers, not build-ons: its asker marks the one that solved it instead.
     */
    public boolean mayAdopt(Actor actor, Post idea) {
        return !actor.isGuest() && (idea.authorId() == actor.personId()
                || rows.isMember(idea.id(), actor.personId())) && !isHelpStream(idea.jamId());
    }

    private boolean isHelpStream(long jamId) {
        var jam = jams.findAll(List.of(jamId)).get(jamId);
        return jam != null && jam.kind().isHelpStream();
    }

    private Row requireAdopter(Actor actor, Row buildOn) {
        if (buildOn.parentId() == null) {
            throw Refusal.invalid("postId", "adoption.notABuildOn");
        }
        var idea = posts.find(buildOn.threadId()).orElseThrow(() -> Refusal.notFound("post.notFound"));
        if (isHelpStream(idea.jamId())) {
            throw Refusal.invalid("postId", "adoption.notABuildOn");
        }
        if (!teams.developsIdea(idea, actor.personId())) {
            throw Refusal.forbidden("adoption.notTeam");
        }
        jams.requirePostingRights(actor, buildOn.forumId());
        return idea;
    }
}
