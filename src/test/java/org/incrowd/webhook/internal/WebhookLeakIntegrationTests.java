package org.incrowd.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receiving system learns of posts in pseudonymous and anonymous forums with the byline readers see and no account
 * id to join on; a named forum's post still carries its author's id (ADR 49).
 */
@IncrowdTest
class WebhookLeakIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;
    @Autowired
    Webhooks webhooks;
    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void aHiddenAuthorsPostsReachTheReceiverUnderTheirBylineWithoutTheirAccountId() throws Exception {
        var hidden = HiddenAuthors.in(context);
        var named = hidden.fixtures.forum(hidden.jam, "Say it by name");
        context.getBean(org.incrowd.jam.IdentityModes.class).setForForum(hidden.fixtures.actor(hidden.fixtures.organiser()), named.id(),
                org.incrowd.jam.IdentityMode.NAMED);
        try (var receiver = new Receiver()) {
            webhooks.register(hidden.fixtures.organiser().asActor(), hidden.jam.id(), "Receiver", receiver.url(),
                    EnumSet.of(WebhookEvent.POST_CREATED));

            var pseudonymous = hidden.pseudonymousIdea("Honest budgets", "Show every team its budget.");
            var anonymous = hidden.anonymousIdea("Honest reviews", "Let us review our managers.");
            var byName = hidden.fixtures.idea(named, hidden.author, "Open books", "Publish the budget.");

            var requests = receiver.next(3, WAIT);
            assertThat(requests).hasSize(3);
            for (var request : requests) {
                JsonNode data = JSON.readTree(request.body()).get("data");
                long postId = data.get("postId").asLong();
                if (postId == byName.id()) {
                    assertThat(data.get("authorId").asLong()).isEqualTo(hidden.author.id());
                    assertThat(data.get("byline").get("name").asString()).isEqualTo(HiddenAuthors.NAME);
                    continue;
                }
                hidden.assertNoTrace("webhook payload", request.body());
                assertThat(data.has("authorId")).isFalse();
                if (postId == pseudonymous.id()) {
                    assertThat(data.get("byline").get("kind").asString()).isEqualTo("PSEUDONYM");
                    assertThat(data.get("byline").get("name").asString())
                            .isEqualTo(pseudonyms.of(hidden.jam.id(), hidden.author.id()));
                    assertThat(data.get("byline").get("participantType").asString()).isEqualTo("EMPLOYEE");
                } else {
                    assertThat(postId).isEqualTo(anonymous.id());
                    assertThat(data.get("byline").get("kind").asString()).isEqualTo("ANONYMOUS");
                    assertThat(data.get("url").asString()).endsWith("/posts/" + anonymous.id());
                }
            }
        }
    }
}
