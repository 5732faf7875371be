package org.incrowd.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Byline;
import org.incrowd.discussion.Bylines;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.search.index.IndexedPost;
import org.springframework.stereotype.Component;

/**
 * Posts as the index wants them: with their language, their author's type and country as their byline shows them, and
 * the Jam's phase. The index holds nothing of an author that readers of the post may not see (ADR 49): no name at
 * all, and where the forum hides authors only what the byline shows (a pseudonym's type, the country only where the
 * organiser allows it; nothing for an anonymous post), so that no filter singles out a hidden author.
 */
@Component
class IndexedPosts {

    private final Bylines bylines;
    private final IdentityService identity;
    private final JamService jams;
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);

    IndexedPosts(Bylines bylines, IdentityService identity, JamService jams) {
        this.bylines = bylines;
        this.identity = identity;
        this.jams = jams;
    }

    /** Called by the one indexing thread only (the language detector is not shared). */
    List<IndexedPost> of(Collection<PostText> posts) {
        return of(posts, Map.of());
    }

    /** The posts with their sentence vectors, where {@code vectors} has one. */
    List<IndexedPost> of(Collection<PostText> posts, Map<Long, float[]> vectors) {
        var shown = bylines.ofPosts(Actor.GUEST, posts.stream().map(PostText::id).toList());
        var authors = identity.findAll(posts.stream().map(PostText::authorId).distinct().toList());
        var jamsById = jams.findAll(posts.stream().map(PostText::jamId).distinct().toList());
        return posts.stream().map(post -> of(post, shown.get(post.id()), authors.get(post.authorId()),
                jamsById.get(post.jamId()), vectors.get(post.id()))).toList();
    }

    /** The language the post is indexed in (as {@link #of} finds it); the indexing thread only, as there. */
    Language language(PostText post) {
        return languages.detect(post.text());
    }

    private IndexedPost of(PostText post, Byline byline, Person author, Jam jam, float[] vector) {
        String text = post.text();
        boolean hidden = byline == null || byline.hidesAuthor();
        var type = hidden ? (byline == null ? null : byline.participantType())
                : (author == null ? null : author.participantType());
        return new IndexedPost(post.id(), post.jamId(), post.forumId(), post.threadId(), post.isIdea(), post.title(),
                text, languages.detect(text), post.tags(),
                type == null ? null : type.name(),
                hidden ? (byline == null ? null : byline.country()) : (author == null ? null : author.country()),
                jam == null ? null : jam.phase(post.createdAt()).name(), post.createdAt(), vector);
    }

}
