package org.incrowd.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Adopting;
import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Role;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a hidden author does in a pseudonymous or anonymous forum is told to others under the author's byline: the
 * stored notification, the notifications page and the mail name the pseudonym or "Anonymous", never the person, and
 * still say what happened (ADR 49).
 */
@IncrowdTest
class NotificationLeakIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    Adopting adopting;

    HiddenAuthors hidden;
    Person reader;
    String pseudonym;

    @BeforeEach
    void aJamWithHiddenAuthors() {
        hidden = HiddenAuthors.in(context);
        reader = hidden.fixtures.person("Rhea Recipient", Role.PARTICIPANT);
        hidden.fixtures.join(hidden.jam, reader);
        pseudonym = pseudonyms.of(hidden.jam.id(), hidden.author.id());
    }

    @Test
    void aReplyUnderAPseudonymIsToldAndMailedUnderThePseudonym() throws Exception {
        var idea = hidden.fixtures.idea(hidden.pseudonymous, reader, "Greener depots", "Solar roofs on depots.");
        hidden.fixtures.reply(idea, hidden.author, "Our depot could start tomorrow.");

        var stored = paramsOf("BUILD_ON");
        assertThat(stored).containsEntry("actor", pseudonym).containsEntry("title", "Greener depots");
        hidden.assertNoTrace("stored notification", stored.toString());
        String page = mvc.perform(get("/notifications").session(hidden.fixtures.signIn(reader))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(pseudonym + " built on your idea");
        hidden.assertNoTrace("/notifications", page);
    }

    @Test
    void aReplyInAnAnonymousForumIsMailedNamingNoOne() throws Exception {
        var idea = hidden.fixtures.idea(hidden.anonymous, reader, "Fair rotas", "Publish rotas a month ahead.");
        var buildOn = hidden.fixtures.reply(idea, reader, "And let people swap shifts.");
        var reply = hidden.fixtures.reply(buildOn, hidden.author, "Swapping works on my team.");

        assertThat(paramsOf("REPLY")).containsEntry("actor", "Anonymous");
        var mail = MailCatcher.awaitOne(reader.email());
        assertThat(mail.getSubject()).isEqualTo("Anonymous replied to your post “Fair rotas”");
        hidden.assertNoTrace("mail subject", mail.getSubject());
        hidden.assertNoTrace("mail text", MailCatcher.text(mail));
        hidden.assertNoTrace("mail html", MailCatcher.html(mail));
        assertThat(MailCatcher.text(mail)).contains("Anonymous replied to your post “Fair rotas”")
                .contains("/posts/" + reply.id());
    }

    @Test
    void aMentionInAnAnonymousForumNamesNoOne() {
        var idea = hidden.anonymousIdea("Quiet hours", "No meetings before ten, @Rhea Recipient agrees.");

        var stored = paramsOf("MENTION");
        assertThat(stored).containsEntry("actor", "Anonymous").containsEntry("title", "Quiet hours");
        hidden.assertNoTrace("stored mention", stored.toString());
        assertThat(idea.id()).isPositive();
    }

    @Test
    void adoptingABuildOnUnderAPseudonymTellsTheBuilderThePseudonym() {
        var idea = hidden.pseudonymousIdea("Honest budgets", "Show every team its budget.");
        var buildOn = hidden.fixtures.reply(idea, reader, "Show last year's too.");

        adopting.adopt(hidden.fixtures.actor(hidden.author), buildOn.id());

        var stored = paramsOf("BUILD_ON_ADOPTED");
        assertThat(stored).containsEntry("actor", pseudonym).containsEntry("title", "Honest budgets");
        hidden.assertNoTrace("stored adoption", stored.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> paramsOf(String kind) {
        List<String> rows = jdbc.sql("select params from notification where jam_id = ? and kind = ? and person_id = ?")
                .params(hidden.jam.id(), kind, reader.id()).query(String.class).list();
        assertThat(rows).as("%s told to the reader", kind).hasSize(1);
        return (Map<String, String>) JSON.readValue(rows.getFirst(), HashMap.class);
    }
}
