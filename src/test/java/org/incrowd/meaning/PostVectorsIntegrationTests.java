package org.incrowd.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.incrowd.discussion.PostDraft;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.meaning.MeaningEvents.PostsEncoded;
import org.incrowd.support.DelegatingEncoder;
import org.incrowd.support.EncodesPosts;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.ThreadNice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * Posts get their sentence vector soon after they are written or edited, without the writer waiting for it: a
 * differently worded idea of the same meaning is found closer than an unrelated one, an edit gives a new vector,
 * and a post in a language the model does not cover keeps none. A node that finds posts without vectors at start-up
 * encodes them all at the lowest scheduling priority, and a post written meanwhile does not wait for them. Tests do
 * not encode posts unless they ask (application-test.properties); these do.
 */
@EncodesPosts
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import({PostVectorsIntegrationTests.Announcements.class, PostVectorsIntegrationTests.Watched.class})
class PostVectorsIntegrationTests {

    static final Duration ENCODED_WITHIN = Duration.ofSeconds(30);
    /** A new post is encoded in milliseconds once the model is loaded; seconds leave room for a slow machine. */
    static final Duration NEW_POST_ENCODED_WITHIN = Duration.ofSeconds(10);

    @Autowired
    ApplicationContext context;
    @Autowired
    PostVectors vectors;
    @Autowired
    Announcements announcements;
    @Autowired
    Watched watched;
    @Autowired
    org.incrowd.meaning.internal.PostEncodingFeed feed;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Fixtures fixtures;
    org.incrowd.jam.Jam jam;
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

    /**
     * The encoder as the feed calls it: the nice value of each thread that encodes, and a gate that holds back the
     * catch-up's threads while the test wants them held.
     */
    @TestConfiguration
    static class Watched {
        final Set<Integer> catchUpNiceValues = ConcurrentHashMap.newKeySet();
        final AtomicReference<CountDownLatch> catchUpGate = new AtomicReference<>(new CountDownLatch(0));

        @Bean
        @Primary
        SentenceEncoder watchedEncoder(@Qualifier("onnxSentenceEncoder") SentenceEncoder encoder) {
            return new DelegatingEncoder(encoder) {
                @Override
                public float[] encode(String text) {
                    if (Thread.currentThread().getName().startsWith("post-vector-catch-up-")) {
                        if (ThreadNice.readable()) {
                            catchUpNiceValues.add(ThreadNice.ofThisThread());
                        }
                        try {
                            catchUpGate.get().await(); // the test opens it in a finally block
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return super.encode(text);
                }
            };
        }
    }

    @BeforeAll
    void world() {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Vectors Jam");
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

    @Test
    void postsFoundWithoutVectorsAtStartUpAreAllEncodedAtTheLowestPriorityAndANewPostDoesNotWaitForThem()
            throws InterruptedException {
        var ids = new ArrayList<Long>();
        for (int writer = 0; writer < 3; writer++) { // each within the posting pace
            var person = fixtures.person("Catch-up writer " + writer, Role.PARTICIPANT);
            fixtures.join(jam, person);
            for (int i = 0; i < 10; i++) {
                ids.add(fixtures.idea(forum, person, "Idea " + i, "Shuttle buses from the station, " + writer + i).id());
            }
        }
        var expected = awaitVectors(ids);

        var gate = new CountDownLatch(1);
        watched.catchUpGate.set(gate);
        try {
            restartWithoutVectors();
            var fresh = fixtures.idea(forum, author, "Lockers by the gym", "Somewhere to leave a bag while cycling in.");
            assertThat(awaitVectors(List.of(fresh.id()), NEW_POST_ENCODED_WITHIN)).containsKey(fresh.id());
            assertThat(vectors.caughtUp()).as("the new post was encoded while the catch-up was held back").isFalse();
        } finally {
            gate.countDown();
        }
        var found = awaitVectors(ids);
        awaitCaughtUp();

        for (long id : ids) {
            assertThat(found.get(id)).containsExactly(expected.get(id));
        }
        if (ThreadNice.readable()) {
            assertThat(watched.catchUpNiceValues).containsOnly(org.incrowd.shared.BackgroundPriority.NICE);
        }
    }

    /** As a node restarted on a database whose vectors are gone: every post is to be found again by the catch-up. */
    private void restartWithoutVectors() {
        feed.stop();
        jdbc.sql("delete from meaning_post_vector").update();
        jdbc.sql("update meaning_progress set last_post_id = 0").update();
        feed.start();
    }

    private void awaitCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + ENCODED_WITHIN.toNanos();
        while (!vectors.caughtUp() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(vectors.caughtUp()).isTrue();
    }

    private Map<Long, float[]> awaitVectors(List<Long> ids) throws InterruptedException {
        return awaitVectors(ids, ENCODED_WITHIN);
    }

    private Map<Long, float[]> awaitVectors(List<Long> ids, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        var found = vectors.of(ids);
        while (found.size() < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = vectors.of(ids);
        }
        assertThat(found).as("vectors within %s", within).containsOnlyKeys(new ArrayList<>(ids));
        return found;
    }
}
