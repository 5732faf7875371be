package org.incrowd.notify.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.IdentityService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.review.ReviewEvents;
import org.incrowd.review.Stage;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told of a decision on an idea: its author and its team (even through a mute: it is their idea), those who built on it
 * (the authors of its replies, unless they muted it) and its followers, never the person who decided. Runs in the
 * decision's transaction, so a refused or rolled-back decision tells nobody. A bulk decision on thousands of ideas
 * reads the titles, builders, followers, mutes and people in a few set-based queries, and the inbox writes all
 * its notifications and mails in batches (a default stage is named in each reader's language; a stage the
 * organiser named keeps its name).
 */
@Component
class ReviewTriggers {

    private static final int CHUNK = 1000;

    private final Inbox inbox;
    private final Follows follows;
    private final PostFeed posts;
    private final IdeaTeams teams;
    private final IdentityService identity;
    private final MessageSource messages;

    ReviewTriggers(Inbox inbox, Follows follows, PostFeed posts, IdeaTeams teams, IdentityService identity,
                   MessageSource messages) {
        this.inbox = inbox;
        this.teams = teams;
        this.follows = follows;
        this.posts = posts;
        this.identity = identity;
        this.messages = messages;
    }

    @EventListener
    void on(ReviewEvents.IdeasDecided event) {
        var forumOfIdea = new HashMap<Long, Long>();
        event.ideas().forEach(idea -> forumOfIdea.put(idea.ideaId(), idea.forumId()));
        var ids = List.copyOf(forumOfIdea.keySet());
        var titles = new HashMap<Long, String>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (PostText text : posts.texts(ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                titles.put(text.id(), text.title());
            }
        }
        var builders = posts.buildersOf(ids);
        var followers = follows.followersOfThreads(forumOfIdea);
        var muters = follows.mutersOfThreads(forumOfIdea);
        var teamOf = teams.members(ids);
        var audiences = new HashMap<Long, Set<Long>>();
        var everyone = new HashSet<Long>();
        for (var idea : event.ideas()) {
            var told = new LinkedHashSet<Long>();
            told.add(idea.authorId());
            teamOf.getOrDefault(idea.ideaId(), List.of()).forEach(member -> told.add(member.personId()));
            var muted = muters.getOrDefault(idea.ideaId(), Set.of());
            builders.getOrDefault(idea.ideaId(), Set.of()).stream().filter(p -> !muted.contains(p)).forEach(told::add);
            told.addAll(followers.getOrDefault(idea.ideaId(), Set.of()));
            told.remove(event.decidedBy());
            audiences.put(idea.ideaId(), told);
            everyone.addAll(told);
        }
        everyone.add(event.decidedBy());
        var people = identity.findAll(everyone);
        String decider = people.containsKey(event.decidedBy()) ? people.get(event.decidedBy()).displayName() : "";
        var labels = new HashMap<String, String>();
        var told = new ArrayList<Inbox.Personal>();
        for (var idea : event.ideas()) {
            for (long person : audiences.get(idea.ideaId())) {
                var found = people.get(person);
                String language = found == null || found.language() == null ? "" : found.language();
                told.add(new Inbox.Personal(person, "/threads/" + idea.ideaId(), Map.of(
                        NotificationParams.ACTOR, decider,
                        NotificationParams.TITLE, Excerpts.of(titles.get(idea.ideaId()), Excerpts.TITLE),
                        NotificationParams.REASON, event.reason(),
                        NotificationParams.TEXT, labels.computeIfAbsent(language, l -> label(event.stage(), l)))));
            }
        }
        inbox.deliverEach(NotificationKind.IDEA_DECIDED, event.jamId(), told);
    }

    private String label(Stage stage, String language) {
        if (stage.name() != null) {
            return stage.name();
        }
        var locale = language.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(language);
        return messages.getMessage("review.stage." + stage.key(), null, stage.key(), locale);
    }
}
