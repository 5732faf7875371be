package org.incrowd.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.incrowd.discussion.PostDraft;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.meaning.MeaningEvents.PostsEncoded;
import org.incrowd.support.EncodesPosts;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Posts get their sentence vector soon after they are written or edited, without the writer waiting for it: a
 * differently worded idea of the same meaning is found closer than an unrelated one, an edit gives a new vector,
 * and a post in a language the model does not cover keeps none.
 */
@EncodesPosts
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(PostVectorsIntegrationTests.Announcements.class)
class PostVectorsIntegrationTests {

    static final Duration ENCODED_WITHIN = Duration.ofSeconds(30);

    @Autowired
    ApplicationContext context;
    @Autowired
    PostVectors vectors;
    @Autowired
    Announcements announcements;

    Fixtures fixtures;
    Forum forum;
    Person author;

    @TestConfiguration
    static class Announcements {
        final List<Long> encoded = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PostsEncoded event) {
            encoded.addAll(event.postIds());
        }
    }

    @BeforeAll
    void world() {
        fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Vectors Jam");
        forum = fixtures.forum(jam, "How could we work better?");
        author = fixtures.person("Vera Vector", Role.PARTICIPANT);
        fixtures.join(jam, author);
    }

    @Test
    void aDifferentlyWordedIdeaOfTheSameMeaningIsCloserThanAnUnrelatedOne() throws InterruptedException {
        var remote = fixtures.idea(forum, author, "Work from home", "Two days a week at home would help a lot.");
        var sameMeaning = fixtures.idea(forum, author, "Remote days", "Skip the commute now and then.");
        var unrelated = fixtures.idea(forum, author, "Canteen", "Serve more salads at lunch.");

        var found = awaitVectors(List.of(remote.id(), sameMeaning.id(), unrelated.id()));

        assertThat(Vectors.dot(found.get(remote.id()), found.get(sameMeaning.id())))
                .isGreaterThan(Vectors.dot(found.get(remote.id()), found.get(unrelated.id())));
        assertThat(announcements.encoded).contains(remote.id(), sameMeaning.id(), unrelated.id());
    }

    @Test
    void anEditedPostGetsTheVectorOfItsNewText() throws InterruptedException {
        var idea = fixtures.idea(forum, author, "Parking", "More parking spaces near the depot.");
        float[] before = awaitVectors(List.of(idea.id())).get(idea.id());

        fixtures.editing().edit(author.asActor(), idea.id(),
                new PostDraft("Bicycles", "Safe bicycle racks and showers for those who cycle in.", ""));

        long deadline = System.nanoTime() + ENCODED_WITHIN.toNanos();
        float[] after = before;
        while (java.util.Arrays.equals(after, before) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = vectors.of(idea.id()).orElse(before);
        }
        assertThat(after).isEqualTo(vectors.encoder().encode(
                "Bicycles\n\nSafe bicycle racks and showers for those who cycle in."));
    }

    @Test
    void aPostInALanguageTheModelDoesNotCoverKeepsNoVector() throws InterruptedException {
        var german = fixtures.idea(forum, author, "Mehr Fahrräder",
                "Wir brauchen sichere Fahrradständer und Duschen für alle, die mit dem Rad zur Arbeit kommen.");
        var english = fixtures.idea(forum, author, "More bicycles",
                "We need safe bicycle racks and showers for everyone who cycles to work.");

        awaitVectors(List.of(english.id()));
        var store = context.getBean(org.incrowd.meaning.internal.PostVectorStore.class);
        long deadline = System.nanoTime() + ENCODED_WITHIN.toNanos();
        while (store.known(vectors.encoder().model(), List.of(german.id())).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.known(vectors.encoder().model(), List.of(german.id()))).as("looked at").contains(german.id());
        assertThat(vectors.of(german.id())).isEmpty();
    }

    private Map<Long, float[]> awaitVectors(List<Long> ids) throws InterruptedException {
        long deadline = System.nanoTime() + ENCODED_WITHIN.toNanos();
        var found = vectors.of(ids);
        while (found.size() < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = vectors.of(ids);
        }
        assertThat(found).as("vectors within %s", ENCODED_WITHIN).containsOnlyKeys(new ArrayList<>(ids));
        return found;
    }
}
