package org.incrowd.search;

import java.util.Collection;
import java.util.List;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.search.index.IndexedPost;
import org.springframework.stereotype.Component;

/** Posts as the index wants them: with their language, their author's type and country, and the Jam's phase. */
@Component
class IndexedPosts {

    private final IdentityService identity;
    private final JamService jams;
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);

    IndexedPosts(IdentityService identity, JamService jams) {
        this.identity = identity;
        this.jams = jams;
    }

    /** Called by the one indexing thread only (the language detector is not shared). */
    List<IndexedPost> of(Collection<PostText> posts) {
        var authors = identity.findAll(posts.stream().map(PostText::authorId).distinct().toList());
        var jamsById = jams.findAll(posts.stream().map(PostText::jamId).distinct().toList());
        return posts.stream().map(post -> of(post, authors.get(post.authorId()), jamsById.get(post.jamId()))).toList();
    }

    private IndexedPost of(PostText post, Person author, Jam jam) {
        String text = post.text();
        return new IndexedPost(post.id(), post.jamId(), post.forumId(), post.threadId(), post.isIdea(), post.title(),
                text, languages.detect(text), post.tags(),
                author == null || author.participantType() == null ? null : author.participantType().name(), author == null ? null : author.country(),
                jam == null ? null : jam.phase(post.createdAt()).name(), post.createdAt());
    }
}
