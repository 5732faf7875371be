package org.incrowd.discussion;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incrowd.discussion.internal.PostRepository;
import org.incrowd.discussion.internal.PostRepository.Row;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.IdentityModes.ForumIdentity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place that decides how an author appears (ADR 41): by name in a named forum or where they signed the post
 * with their name, by their pseudonym in the Jam in a pseudonymous forum, as no one in an anonymous forum. Every
 * module that shows who wrote something (pages, API, live events, search, notifications, mail, exports) asks here
 * rather than reading the person's name itself.
 */
@Service
public class Bylines {

    /** What decides a post's byline: where it was written, by whom, and whether they signed it by name. */
    public record Authored(long postId, long jamId, long forumId, long authorId, boolean signedByName) {
    }

    private final PostRepository posts;
    private final IdentityModes modes;
    private final Pseudonyms pseudonyms;
    private final IdentityService identity;
    private final MessageSource messages;

    Bylines(PostRepository posts, IdentityModes modes, Pseudonyms pseudonyms, IdentityService identity,
            MessageSource messages) {
        this.posts = posts;
        this.modes = modes;
        this.pseudonyms = pseudonyms;
        this.identity = identity;
        this.messages = messages;
    }

    /** The bylines of these posts for this reader, by post id; unknown posts are absent. */
    public Map<Long, Byline> ofPosts(Actor reader, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return of(reader, posts.findAll(postIds).values().stream().map(Bylines::authored).toList());
    }

    public Byline ofPost(Actor reader, long postId) {
        return ofPosts(reader, List.of(postId)).get(postId);
    }

    static Authored authored(Row row) {
        return new Authored(row.id(), row.jamId(), row.forumId(), row.authorId(), row.signedByName());
    }

    /** The bylines of these posts for this reader, by post id. */
    public Map<Long, Byline> of(Actor reader, Collection<Authored> authored) {
        var forums = modes.ofForums(authored.stream().map(Authored::forumId).collect(Collectors.toSet()));
        Map<Long, Person> people = identity.findAll(authored.stream().map(Authored::authorId).collect(Collectors.toSet()));
        var hiddenByJam = new HashMap<Long, HashSet<Long>>();
        authored.forEach(a -> {
            var author = people.get(a.authorId());
            if (mode(forums, a) == IdentityMode.PSEUDONYMOUS && !a.signedByName()
                    && (author == null || !IdentityService.isErased(author))) {
                hiddenByJam.computeIfAbsent(a.jamId(), jam -> new HashSet<>()).add(a.authorId());
            }
        });
        var pseudonymsByJam = new HashMap<Long, Map<Long, String>>();
        hiddenByJam.forEach((jamId, authors) -> pseudonymsByJam.put(jamId, pseudonyms.of(jamId, authors)));
        var result = new HashMap<Long, Byline>();
        for (Authored a : authored) {
            var person = people.get(a.authorId());
            boolean mine = !reader.isGuest() && reader.personId() == a.authorId();
            var forum = forums.get(a.forumId());
            if (person != null && IdentityService.isErased(person)) {
                // A deleted account's posts belong to no one anyone can name or link (ADR 44), in every mode.
                result.put(a.postId(), new Byline(Byline.Kind.FORMER, word("byline.former"), null, null, false));
                continue;
            }
            result.put(a.postId(), switch (a.signedByName() ? IdentityMode.NAMED : mode(forums, a)) {
                case NAMED -> new Byline(Byline.Kind.NAMED, person == null ? "?" : person.displayName(),
                        person == null ? null : person.participantType(), null, mine);
                case PSEUDONYMOUS -> new Byline(Byline.Kind.PSEUDONYM, pseudonymsByJam.get(a.jamId()).get(a.authorId()),
                        person == null ? null : person.participantType(),
                        forum != null && forum.showsCountry() && person != null ? person.country() : null, mine);
                case ANONYMOUS -> new Byline(Byline.Kind.ANONYMOUS, word("byline.anonymous"), null, null, mine);
            });
        }
        return result;
    }

    /**
     * How these people appear in this forum when they take part in a post without being its author (an idea's team,
     * who replaced a version, who built on it): the byline they would have there, by person id.
     */
    public Map<Long, Byline> ofPeopleIn(Actor reader, long jamId, long forumId, Collection<Long> personIds) {
        var byPerson = new HashMap<Long, Byline>();
        of(reader, personIds.stream().distinct().map(id -> new Authored(id, jamId, forumId, id, false)).toList())
                .forEach(byPerson::put);
        return byPerson;
    }

    private static IdentityMode mode(Map<Long, ForumIdentity> forums, Authored authored) {
        var forum = forums.get(authored.forumId());
        return forum == null ? IdentityMode.NAMED : forum.mode();
    }

    private String word(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
