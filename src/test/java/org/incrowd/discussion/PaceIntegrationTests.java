package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * One account sends 80 requests at the same moment, through a real server: exactly the limit gets through (20
 * posts, 60 reactions a minute), on H2 and on PostgreSQL, and the rest are told to slow down.
 */
@IncrowdBrowserTest
class PaceIntegrationTests {

    static final int AT_ONCE = 80;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Forum forum;
    Person flooder;

    @BeforeEach
    void aMemberOfALiveJam() {
        fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Paced " + System.nanoTime());
        forum = fixtures.forum(jam, "Flooded");
        flooder = fixtures.person("Flo Flooder", Role.PARTICIPANT);
        fixtures.join(jam, flooder);
    }

    @Test
    void exactlyTwentyOfEightyIdeasSentAtOnceAreAcceptedAndTheRestToldToSlowDown() throws Exception {
        var answers = atOnce(i -> json("/api/v1/forums/" + forum.id() + "/threads")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Idea " + i + "\",\"body\":\"Sent all at once, number " + i + ".\"}"))
                .build());

        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(20);
        var refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).hasSize(AT_ONCE - 20);
        assertThat(refused.getFirst().body()).contains("at most 20 posts a minute", "post.tooFast");
        assertThat(fixtures.reading().ideas(fixtures.actor(flooder), forum.id(), 0).ideas()).hasSize(20);
    }

    @Test
    void exactlySixtyOfEightyReactionsSentAtOnceAreAcceptedAndTheRestToldToSlowDown() throws Exception {
        var ideas = new ArrayList<Post>();
        for (int i = 0; i < AT_ONCE; i++) {
            ideas.add(fixtures.idea(forum, "Idea to agree with " + i));
        }

        var answers = atOnce(i -> json("/api/v1/posts/" + ideas.get(i).id() + "/reaction")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"AGREE\"}")).build());

        assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSize(60);
        var refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).hasSize(AT_ONCE - 60);
        assertThat(refused.getFirst().body()).contains("at most 60 reactions a minute", "reaction.tooFast");
        long agreed = fixtures.reading().find(fixtures.actor(flooder), ideas.stream().map(Post::id).toList())
                .stream().filter(post -> post.myReaction() == ReactionKind.AGREE).count();
        assertThat(agreed).isEqualTo(60);
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + fixtures.token(flooder))
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    /** Sends the requests from threads that all wait for one signal, so they reach the server together. */
    private List<HttpResponse<String>> atOnce(IntFunction<HttpRequest> request) throws Exception {
        var start = new CountDownLatch(1);
        try (var client = HttpClient.newHttpClient();
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < AT_ONCE; i++) {
                var next = request.apply(i);
                pending.add(threads.submit(() -> {
                    start.await();
                    return client.send(next, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            var answers = new ArrayList<HttpResponse<String>>();
            for (var answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        }
    }
}
