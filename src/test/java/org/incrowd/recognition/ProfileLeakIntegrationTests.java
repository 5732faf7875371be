package org.incrowd.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import org.incrowd.discussion.Adopting;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Role;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.JamKind;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where others see a person's contributions listed (the givers page and its API, a challenge's prizes), a Jam that
 * hides its authors shows them under their pseudonym or as no one, with no account id or job role, and still shows
 * what they gave (ADR 49). Incrowd has no public page of a person's posts: {@code /profile} is one's own.
 */
@IncrowdTest
class ProfileLeakIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Adopting adopting;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    IdentityModes modes;

    @Test
    void theGiversPageOfAJamThatHidesAuthorsListsAGiverUnderTheirPseudonym() throws Exception {
        var hidden = HiddenAuthors.in(context);
        var reader = hidden.fixtures.person("Gia Giver-Reader", Role.PARTICIPANT);
        hidden.fixtures.join(hidden.jam, reader);
        var idea = hidden.fixtures.idea(hidden.anonymous, reader, "Lockers by the gate", "Drivers need somewhere dry.");
        var buildOn = hidden.fixtures.reply(idea, hidden.author, "Put a charger in each locker.");
        adopting.adopt(hidden.fixtures.actor(reader), buildOn.id());

        var requests = new SignedInRequests(mvc, hidden.fixtures);
        String page = requests.page(reader, "/jams/" + hidden.jam.id() + "/givers");
        String api = requests.send(reader, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/jams/" + hidden.jam.id() + "/givers")).getContentAsString();

        String pseudonym = pseudonyms.of(hidden.jam.id(), hidden.author.id());
        hidden.assertNoTrace("/jams/{id}/givers", page);
        hidden.assertNoTrace("/api/v1/jams/{id}/givers", api);
        assertThat(page).contains(pseudonym).contains("Build-ons the author adopted");
        assertThat(api).contains("\"name\":\"" + pseudonym + "\"");
    }

    @Test
    void aPrizeForAnAnonymousIdeaNamesNoOneWhereverItIsShown() throws Exception {
        var hidden = HiddenAuthors.in(context);
        var fixtures = hidden.fixtures;
        var challenge = fixtures.jam("Hidden challenge " + System.nanoTime()).campaign(JamKind.CHALLENGE, "A day off", null)
                .endsIn(Duration.ofDays(5)).create();
        var forum = fixtures.forum(challenge, "Ideas");
        var organiser = fixtures.organiser();
        modes.setForJam(fixtures.actor(organiser), challenge.id(), IdentityMode.ANONYMOUS, false);
        fixtures.join(challenge, hidden.author);
        var reader = fixtures.person("Pia Prize-Watcher", Role.PARTICIPANT);
        fixtures.join(challenge, reader);
        var idea = fixtures.idea(forum, hidden.author, "Idle engines off", "Saves fuel at the depot.");
        var requests = new SignedInRequests(mvc, fixtures);

        var awarded = requests.send(organiser, post("/jams/" + challenge.id() + "/givers/prizes")
                .param("idea", String.valueOf(idea.id())).param("reason", "Saved four percent fuel in a week."));
        assertThat(awarded.getStatus()).isEqualTo(302);

        String givers = requests.page(reader, "/jams/" + challenge.id() + "/givers");
        String home = requests.page(reader, "/jams/" + challenge.id());
        String api = requests.send(reader, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/jams/" + challenge.id() + "/givers")).getContentAsString();
        for (var shown : java.util.Map.of("givers", givers, "home", home, "api", api).entrySet()) {
            hidden.assertNoTrace(shown.getKey(), shown.getValue());
        }
        assertThat(givers).contains("Anonymous").contains("Saved four percent fuel in a week.");
        assertThat(home).contains("Anonymous").contains("Idle engines off");
    }
}
