package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incrowd.discussion.Adopting;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.ProxyDetails;
import org.incrowd.discussion.ProxyIdeas;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Actor;
import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.review.IdeaJoins;
import org.incrowd.review.JoinKind;
import org.incrowd.review.Reviewing;
import org.incrowd.support.Fixtures;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.SseClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The leak suite over pages, API and live events (ADR 48): the hidden author of {@link HiddenAuthors} takes part as a
 * real person would, in a pseudonymous and an anonymous forum and a pseudonymous help stream; then every GET row of
 * the authorisation matrix is walked with its placeholders standing for the hidden author's Jam, forums, posts and
 * threads, as another participant, the forums' facilitator, an organiser and a guest, and no answer that succeeds
 * may carry a trace of the author. A row added to the matrix is walked here without any change; a row whose
 * placeholder this suite cannot stand in for fails {@link #everyGetRowOfTheMatrixIsWalkedOrExcludedWithAReason}
 * until it is given a value or an exclusion.
 */
@IncrowdBrowserTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityLeakIntegrationTests {

    /** Rows not walked, matched on the matrix's endpoint text, each with the reason. Kept in one visible list. */
    static final Map<Pattern, String> EXCLUDED = excluded(
            "GET /admin/people.*", "administrators' people pages list accounts by design, not authorship",
            "GET /jams/\\{jam}/members", "the organisers' member list names members by design, not authorship",
            "GET /profile.*", "a person's own profile, seen only by themselves",
            "GET /api/v1/me.*", "a person's own account, seen only by themselves",
            "GET /help/\\{helpRoute}/expertise", "a person's own expertise settings, seen only by themselves",
            "GET /admin/mail.*", "covered by leakout (mail)",
            "GET /(api/v1/)?search.*", "covered by leakout (search)",
            "GET /notifications.*", "covered by leakout (notifications)",
            "GET /unsubscribe/.*", "covered by leakout (notifications)",
            "GET .*/webhooks.*", "covered by leakout (webhooks)",
            "GET .*/open-data.*", "covered by leakout (exports)",
            "GET .*\\.csv", "covered by leakout (exports)",
            "GET .*\\{new(Draft)?ReportJam}.*", "covered by leakout (exports: the report in HTML, PDF and Markdown)",
            "GET .*/feed\\.atom", "covered by leakout (exports: the feed)",
            "GET /(people|api/v1/people)/.*", "covered by leakout (profiles of other people)",
            "GET .*\\{(secretJam|secretJamTerms|secretForum|secretIdea|secretHelpRoute|draftJam)}.*",
            "rights only: the same page as its row for a Jam everyone reads, which is walked",
            "GET .*\\{(shortLink|revokedShortLink)}.*", "a printed link to a Jam names no author; its Jam is walked",
            "GET /live/.*", "a stream: read by liveEventsAndTheFragmentsTheyTriggerCarryNoTrace");

    /**
     * Rows that count groups by design ("who haven't we heard from" counts units, countries and roles, never people):
     * there the author's unit, role and country are group labels, and only name, e-mail and account id are traces.
     */
    static final List<Pattern> GROUP_COUNTS = List.of(Pattern.compile("GET .*/listening"));

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    HiddenAuthors hidden;
    Fixtures fixtures;
    Person participant;
    Person facilitator;
    Person organiser;
    Actor author;
    /** What each placeholder stands for: a list where the suite walks the row once for each value. */
    final Map<String, List<String>> values = new LinkedHashMap<>();
    Jam helpStream;
    Forum helpTopic;

    @BeforeAll
    void theHiddenAuthorTakesPartAsARealPersonWould() throws Exception {
        hidden = HiddenAuthors.in(context);
        fixtures = hidden.fixtures;
        author = fixtures.actor(hidden.author);
        participant = fixtures.person("Rita Reader", Role.PARTICIPANT);
        facilitator = fixtures.person("Felix Facilitator", Role.PARTICIPANT);
        organiser = fixtures.organiser();
        var jam = hidden.jam;
        fixtures.join(jam, participant);
        for (Forum forum : List.of(hidden.pseudonymous, hidden.anonymous)) {
            fixtures.facilitator(forum, facilitator);
        }
        fixtures.jams().openToGuests(fixtures.actor(organiser), jam.id(), true);

        // Ideas, replies and build-ons, both ways, in both forums.
        var idea = hidden.pseudonymousIdea("Honest budgets", "Show every team its real budget.");
        var anonymousIdea = hidden.anonymousIdea("Honest reviews", "Let us review our managers.");
        var othersIdea = fixtures.idea(hidden.pseudonymous, participant, "Quiet rooms", "A room without phones.");
        var othersAnonymousIdea = fixtures.idea(hidden.anonymous, participant, "Night shifts", "Rotate them.");
        var reply = fixtures.reply(othersIdea, hidden.author, "Yes, and one on every floor.");
        var anonymousReply = fixtures.reply(othersAnonymousIdea, hidden.author, "And pay them better.");
        var answerToAuthor = fixtures.reply(idea, participant, "Which budgets exactly?");
        var authorsAnswer = fixtures.reply(answerToAuthor, hidden.author, "All of them, travel first.");
        fixtures.reply(anonymousIdea, participant, "Upwards too?");

        // Reactions, helpful marks, an edit with history, a flag, a decision, an idea team, a link between ideas.
        var reacting = fixtures.reacting();
        reacting.react(author, othersIdea.id(), ReactionKind.AGREE);
        reacting.react(author, othersAnonymousIdea.id(), ReactionKind.DISAGREE);
        reacting.react(fixtures.actor(participant), idea.id(), ReactionKind.AGREE);
        reacting.markHelpful(author, answerToAuthor.id());
        fixtures.editing().edit(author, idea.id(), new PostDraft("Honest budgets",
                "Show every team its real budget, every quarter.", ""));
        fixtures.editing().edit(author, anonymousIdea.id(), new PostDraft("Honest reviews",
                "Let us review our managers, once a year.", ""));
        for (var flagged : List.of(idea, anonymousReply)) {
            mvc.perform(post("/posts/" + flagged.id() + "/flag").param("reason", "OFF_TOPIC")
                    .with(fixtures.bearer(participant)).with(csrf()).with(Fixtures.servletPath()));
        }
        context.getBean(Reviewing.class).decide(fixtures.actor(organiser), jam.id(),
                List.of(idea.id(), anonymousIdea.id()), "under-review", "Finance is looking at it.");
        var teams = context.getBean(IdeaTeams.class);
        teams.join(author, othersIdea.id());
        teams.join(fixtures.actor(participant), idea.id());
        context.getBean(Adopting.class).adopt(fixtures.actor(participant), reply.id());
        var join = context.getBean(IdeaJoins.class).propose(fixtures.actor(organiser), jam.id(), JoinKind.LINK,
                idea.id(), othersIdea.id(), "The same budget question");
        var proxy = context.getBean(ProxyIdeas.class).enter(fixtures.actor(facilitator), hidden.pseudonymous.id(),
                new PostDraft("Entered for a colleague", "As she told it.", ""),
                new ProxyDetails("Maria", "depot 4", "", true, "IN_PERSON")).idea();
        fixtures.reply(proxy, hidden.author, "Maria is right.");

        // A pseudonymous help stream where the hidden author asks and a colleague answers.
        helpStream = fixtures.jam("Hidden help " + System.nanoTime()).campaign(JamKind.HELP_STREAM, null, null)
                .endsIn(Duration.ofDays(1)).create();
        helpTopic = fixtures.forum(helpStream, "Payroll");
        context.getBean(IdentityModes.class).setForJam(fixtures.actor(organiser), helpStream.id(),
                IdentityMode.PSEUDONYMOUS, false);
        fixtures.facilitator(helpTopic, facilitator);
        fixtures.join(helpStream, hidden.author);
        fixtures.join(helpStream, participant);
        fixtures.jams().openToGuests(fixtures.actor(organiser), helpStream.id(), true);
        var question = fixtures.idea(helpTopic, hidden.author, "Why is my payslip late?", "It came a week late.");
        var answer = fixtures.reply(question, facilitator, "Payroll moved to the 28th.");
        reacting.markHelpful(author, answer.id());

        values.put("jam", List.of(id(jam.id())));
        values.put("forum", ids(hidden.pseudonymous.id(), hidden.anonymous.id()));
        values.put("idea", ids(idea.id(), anonymousIdea.id(), reply.id(), anonymousReply.id(), authorsAnswer.id(),
                othersIdea.id(), othersAnonymousIdea.id()));
        values.put("membersIdea", ids(idea.id(), anonymousIdea.id()));
        values.put("newIdea", ids(idea.id(), anonymousIdea.id()));
        values.put("newFacilitatorsProxyIdea", ids(proxy.id()));
        values.put("newJoin", ids(join.id()));
        values.put("helpStream", ids(helpStream.id()));
        values.put("helpRoute", ids(helpStream.id()));
        values.put("helpTopic", ids(helpTopic.id()));
        values.put("helpQuestion", ids(question.id()));
        values.put("helpRouteQuestion", ids(question.id()));
        values.put("bystander", ids(participant.id()));
        values.put("termsJam", List.of("jam-" + jam.id()));
        values.put("newTermsJam", List.of("jam-" + jam.id()));
        values.put("termsVersion", List.of("1"));
        values.put("jamSection", List.of("activity", "notices"));
        for (String unknown : List.of("unknownLink", "unknownImport", "unknownMessage", "unknownAssignment",
                "unknownReveal")) {
            values.put(unknown, List.of("0"));
        }
    }

    @Test
    void everyGetRowOfTheMatrixIsWalkedOrExcludedWithAReason() {
        var neither = getRows().filter(row -> reason(row) == null && paths(row).isEmpty()).toList();
        assertThat(neither).as("GET rows this suite can neither walk nor names a reason for").isEmpty();
    }

    @Test
    void noPageOrEndpointShowsTheHiddenAuthorToAnotherParticipantAFacilitatorAnOrganiserOrAGuest()
            throws Exception {
        var readers = new LinkedHashMap<String, Person>();
        readers.put("another participant", participant);
        readers.put("the forums' facilitator", facilitator);
        readers.put("an organiser", organiser);
        readers.put("a guest", null);
        int walked = 0;
        var leaks = new ArrayList<String>();
        for (var row : getRows().filter(row -> reason(row) == null).toList()) {
            for (String path : paths(row)) {
                for (var reader : readers.entrySet()) {
                    var request = get(path).with(Fixtures.servletPath());
                    if (reader.getValue() != null) {
                        request = request.with(fixtures.bearer(reader.getValue()));
                    }
                    var response = mvc.perform(request).andReturn().getResponse();
                    if (response.getStatus() / 100 == 2) {
                        walked++;
                        try {
                            hidden.assertNoTrace(path + " as " + reader.getKey(),
                                    readable(row, response.getContentAsString()));
                        } catch (AssertionError leak) {
                            leaks.add(leak.getMessage().lines().findFirst().orElse(""));
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("answers that show the hidden author").isEmpty();
        assertThat(walked).as("answers that succeeded and were read").isGreaterThan(100);
    }

    @Test
    void teamsHistoriesBuildOnsAndGiversShowThePseudonymWhereTheJamHidesNames() throws Exception {
        String pseudonym = context.getBean(Pseudonyms.class).of(hidden.jam.id(), hidden.author.id());
        String thread = read("/threads/" + values.get("idea").get(5));
        assertThat(thread).as("the team and the adopted build-on on the idea the author helps with")
                .contains("<li>" + pseudonym).contains(pseudonym + "</a>");
        assertThat(read("/posts/" + values.get("idea").get(0) + "/history")).as("who replaced the first version")
                .contains(pseudonym);
        assertThat(read("/posts/" + values.get("idea").get(1) + "/history")).as("in the anonymous forum: no one")
                .doesNotContain(pseudonym).contains("Anonymous");
        assertThat(read("/jams/" + hidden.jam.id() + "/givers")).as("the author gave helpful marks")
                .contains(pseudonym);
        assertThat(read("/api/v1/jams/" + hidden.jam.id() + "/givers")).contains("\"name\":\"" + pseudonym + "\"")
                .doesNotContain("\"personId\"");
    }

    String read(String path) throws Exception {
        return mvc.perform(get(path).with(fixtures.bearer(participant)).with(Fixtures.servletPath())).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void liveEventsAndTheFragmentsTheyTriggerCarryNoTrace() throws Exception {
        var events = new ArrayList<SseClient.Event>();
        try (var stream = new SseClient("http://localhost:" + port + "/live/jams/" + hidden.jam.id(),
                fixtures.token(participant), null)) {
            assertThat(stream.status()).isEqualTo(200);
            var idea = hidden.pseudonymousIdea("Live budgets", "Say it while they watch.");
            var anonymousIdea = hidden.anonymousIdea("Live reviews", "Say it with no name while they watch.");
            var othersIdea = fixtures.idea(hidden.pseudonymous, participant, "Live rooms", "Quiet ones.");
            fixtures.reply(othersIdea, hidden.author, "Live and pseudonymous.");
            fixtures.reacting().react(author, othersIdea.id(), ReactionKind.AGREE);
            fixtures.reply(anonymousIdea, hidden.author, "Live and anonymous.");
            fixtures.reacting().react(fixtures.actor(participant), idea.id(), ReactionKind.AGREE);
            for (var event = stream.next(Duration.ofSeconds(5)); event != null;
                    event = stream.next(Duration.ofSeconds(2))) {
                events.add(event);
            }
        }
        assertThat(events).as("the stream told of the author's posts and reactions").hasSizeGreaterThanOrEqualTo(4);
        var fetched = new java.util.LinkedHashSet<String>();
        for (var event : events) {
            hidden.assertNoTrace("live event " + event.type() + " " + event.data(), event.data());
            Matcher thread = Pattern.compile("\"thread\"\\s*:\\s*(\\d+)").matcher(event.data());
            if (thread.find()) {
                fetched.add("/threads/" + thread.group(1));
                fetched.add("/threads/" + thread.group(1) + "/replies");
                fetched.add("/api/v1/threads/" + thread.group(1));
            }
        }
        // The pages, and the parts of them their live regions fetch again
        fetched.add("/jams/" + hidden.jam.id());
        fetched.add("/jams/" + hidden.jam.id() + "/sections/activity");
        fetched.add("/forums/" + hidden.pseudonymous.id());
        fetched.add("/forums/" + hidden.pseudonymous.id() + "/ideas");
        fetched.add("/forums/" + hidden.anonymous.id());
        fetched.add("/forums/" + hidden.anonymous.id() + "/ideas");
        for (String path : fetched) {
            var response = mvc.perform(get(path).with(fixtures.bearer(participant)).with(Fixtures.servletPath()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            hidden.assertNoTrace("fragment " + path + " fetched after a live event",
                    withoutPickers(response.getContentAsString()));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The body as the trace check reads it: without pickers, and without group labels where a row counts groups. */
    static String readable(AuthorisationIntegrationTests.Row row, String body) {
        String read = withoutPickers(body);
        if (GROUP_COUNTS.stream().anyMatch(p -> p.matcher(row.endpoint()).matches())) {
            for (String label : List.of(HiddenAuthors.ORG_UNIT, HiddenAuthors.JOB_ROLE, HiddenAuthors.COUNTRY_NAME)) {
                read = read.replace(label, "");
            }
        }
        return read;
    }

    /** Without the options of pickers: a country picker lists every country by design, the author's among them. */
    static String withoutPickers(String body) {
        return OPTION.matcher(body).replaceAll("<option>");
    }

    static final Pattern OPTION = Pattern.compile("<option\\b[^>]*>[^<]*</option>");

    static java.util.stream.Stream<AuthorisationIntegrationTests.Row> getRows() {
        return AuthorisationIntegrationTests.rows().filter(row -> row.endpoint().startsWith("GET "));
    }

    static String reason(AuthorisationIntegrationTests.Row row) {
        return EXCLUDED.entrySet().stream().filter(e -> e.getKey().matcher(row.endpoint()).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The row's path with every combination of the placeholders' values; empty when one has none. */
    List<String> paths(AuthorisationIntegrationTests.Row row) {
        String path = row.endpoint().replaceAll("^GET (\\S+).*$", "$1");
        var paths = new ArrayList<>(List.of(path));
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        while (m.find()) {
            var options = values.get(m.group(1));
            if (options == null) {
                return List.of();
            }
            var next = new ArrayList<String>();
            for (String partial : paths) {
                for (String option : options) {
                    next.add(partial.replace(m.group(), option));
                }
            }
            paths = next;
        }
        return paths;
    }

    static Map<Pattern, String> excluded(String... patternsAndReasons) {
        var map = new LinkedHashMap<Pattern, String>();
        for (int i = 0; i < patternsAndReasons.length; i += 2) {
            map.put(Pattern.compile(patternsAndReasons[i]), patternsAndReasons[i + 1]);
        }
        return map;
    }

    static String id(long id) {
        return Long.toString(id);
    }

    static List<String> ids(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(Long::toString).toList();
    }
}
