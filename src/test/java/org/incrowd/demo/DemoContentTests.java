package org.incrowd.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.Post;
import org.incrowd.help.HelpQuestion;
import org.incrowd.help.HelpQuestions;
import org.incrowd.help.QuestionStatus;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.ForumStaff;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamPhase;
import org.incrowd.jam.JamService;
import org.incrowd.support.IncrowdTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** What a visitor of {@code ./incrowd run} finds: the demo accounts, a live Jam full of real conversation. */
@IncrowdTest
@TestPropertySource(properties = "incrowd.demo=true")
class DemoContentTests {

    /** Where the ArgKP texts are when the tests run from the project root; elsewhere the built-in set is used. */
    private static final boolean ARGKP = Files.isDirectory(Path.of("../shared/data/argkp"));

    @Autowired
    IdentityService identity;
    @Autowired
    JamService jams;
    @Autowired
    Reading discussion;
    @Autowired
    DemoContent demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.incrowd.review.Reviewing reviewing;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void demoAdministratorExistsWithTheAdministratorRole() {
        assertThat(admin().roles()).contains(Role.ADMINISTRATOR);
        assertThat(identity.findByEmail(DemoContent.PARTICIPANT_EMAIL)).hasValueSatisfying(
                p -> assertThat(p.roles()).containsExactly(Role.PARTICIPANT));
    }

    @Test
    void demoAccountsSignInWithTheDocumentedPasswords() throws Exception {
        mvc.perform(formLogin("/signin").userParameter("email").user(DemoContent.ADMIN_EMAIL)
                .password(DemoContent.ADMIN_PASSWORD)).andExpect(authenticated());
        mvc.perform(formLogin("/signin").userParameter("email").user(DemoContent.PARTICIPANT_EMAIL)
                .password(DemoContent.PARTICIPANT_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void liveJamHasForumsEachWithAHostAndAFacilitator() {
        var forums = jams.forums(actor(), liveJam().id());
        assertThat(forums).hasSizeBetween(3, 5);
        var staff = jams.staff(forums);
        for (Forum forum : forums) {
            assertThat(staff.get(forum.id())).as(forum.title()).extracting(ForumStaff::role)
                    .contains(ForumRole.HOST, ForumRole.FACILITATOR);
            assertThat(staff.get(forum.id())).as(forum.title()).extracting(ForumStaff::personId)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void oneLiveForumShowsPseudonymsAndItsPageNamesNoAuthor() throws Exception {
        var forums = jams.forums(actor(), liveJam().id());
        var modes = context.getBean(org.incrowd.jam.IdentityModes.class);
        var pseudonymous = forums.stream().filter(f -> modes.ofForum(f.id()).mode() == org.incrowd.jam.IdentityMode.PSEUDONYMOUS)
                .toList();
        assertThat(pseudonymous).hasSize(1);
        var ideas = discussion.ideas(actor(), pseudonymous.getFirst().id(), 0, org.incrowd.discussion.IdeaOrder.NEWEST).ideas();
        assertThat(ideas).isNotEmpty().allSatisfy(idea -> assertThat(idea.byline().kind())
                .isEqualTo(org.incrowd.discussion.Byline.Kind.PSEUDONYM));
        String page = mvc.perform(get("/forums/" + pseudonymous.getFirst().id())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("In this forum authors appear under pseudonyms").contains(ideas.getFirst().authorName());
        var staffNames = jams.staff(pseudonymous).get(pseudonymous.getFirst().id()).stream()
                .map(ForumStaff::displayName).toList();
        ideas.stream().map(idea -> identity.require(idea.authorId()).displayName())
                .filter(name -> !staffNames.contains(name)) // staff are named as staff, not as authors
                .forEach(name -> assertThat(page).doesNotContain(name));
    }

    @Test
    void liveJamIsFullOfIdeasRepliesAndReactions() {
        var live = liveJam();
        assertThat(live.hasTerms()).isTrue();
        var posts = allPosts(live);
        assertThat(discussion.countInJam(live.id())).isEqualTo(posts.size());
        assertThat(posts).hasSizeGreaterThanOrEqualTo(ARGKP ? 200 : 20);
        assertThat(posts).anyMatch(p -> p.depth() >= 2);
        assertThat(posts).allSatisfy(p -> assertThat(p.tags()).containsAnyOf("pro", "con"));
        assertThat(posts.stream().map(Post::authorId).distinct().count()).isGreaterThan(ARGKP ? 50 : 20);
        long reactions = posts.stream().mapToLong(p -> p.counts().agree() + p.counts().disagree()
                + p.counts().pass()).sum();
        assertThat(reactions).isGreaterThanOrEqualTo(ARGKP ? 200 : 50);
    }

    @Test
    void postsAreSpreadOverTheLiveJamsHoursAndSomeTopicsCatchOnLate() {
        var live = liveJam();
        var posts = allPosts(live);
        var times = posts.stream().map(Post::createdAt).sorted().toList();
        assertThat(java.time.Duration.between(times.getFirst(), times.getLast()))
                .as("posts span the Jam's hours, not the moment of start-up").isGreaterThan(java.time.Duration.ofHours(12));
        assertThat(times.getFirst()).isAfter(live.startsAt());
        assertThat(times.getLast()).isBefore(jams.now());

        // The share of each forum's posts written in the latest quarter of the Jam so far.
        var latestQuarter = live.startsAt().plus(java.time.Duration.between(live.startsAt(), jams.now())
                .multipliedBy(3).dividedBy(4));
        var share = new java.util.HashMap<String, Double>();
        for (Forum forum : jams.forums(actor(), live.id())) {
            var ofForum = posts.stream().filter(p -> p.forumId() == forum.id()).toList();
            share.put(forum.title(), ofForum.stream().filter(p -> p.createdAt().isAfter(latestQuarter)).count()
                    / (double) ofForum.size());
        }
        assertThat(share.get("Who owns an idea?")).as("an emerging topic").isGreaterThan(0.5);
        assertThat(share.get("Skills and vocational training")).as("a fading topic").isLessThan(0.2);
    }

    @Test
    void newestFirstByIdAgreesWithTheTimesThePagesShow() {
        // Forums, the activity stream and threads list posts by id; a demo written out of time order would show
        // "5 hours ago" above "7 minutes ago" under "newest first".
        var byId = allPosts(liveJam()).stream().sorted(java.util.Comparator.comparingLong(Post::id)).toList();
        for (int i = 1; i < byId.size(); i++) {
            assertThat(byId.get(i).createdAt()).as("post %d written after post %d", byId.get(i).id(),
                    byId.get(i - 1).id()).isAfterOrEqualTo(byId.get(i - 1).createdAt());
        }
    }

    @Test
    void theLiveJamsPulseLabelsItsTimeWindowsWithTheirTimes() throws Exception {
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(formLogin("/signin")
                .userParameter("email").user(DemoContent.ADMIN_EMAIL).password(DemoContent.ADMIN_PASSWORD))
                .andReturn().getRequest().getSession(false);
        long live = liveJam().id();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/jams/" + live + "/pulse/recompute").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));

        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/jams/" + live + "/pulse").session(session)).andReturn().getResponse().getContentAsString();
        var headings = java.util.regex.Pattern.compile("<th scope=\"col\">From ([^<]*\\d:\\d\\d[^<]*)</th>")
                .matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(headings).as("one heading per window, each with its start").hasSizeGreaterThanOrEqualTo(3)
                .doesNotHaveDuplicates();
        assertThat(page).doesNotContain(">Window 1<");
    }

    @Test
    void eachLiveForumOpensWithAPinnedIdeaAndTheJamHasPostsInTheSpotlight() {
        var live = liveJam();
        for (Forum forum : jams.forums(actor(), live.id())) {
            var first = discussion.ideas(actor(), forum.id(), 0).ideas().getFirst();
            assertThat(first.moderation().pinned()).as(forum.title()).isTrue();
        }
        assertThat(discussion.spotlit(actor(), live.id(), 5)).hasSize(2);
    }

    @Test
    void demoPeopleComeFromManyCountries() {
        assertThat(jams.stats(liveJam().id()).countries()).isGreaterThanOrEqualTo(10);
        var countries = new HashSet<String>();
        var types = new HashSet<>();
        for (int offset = 0; ; offset += 200) {
            var page = identity.list(actor(), offset, 200);
            page.forEach(p -> {
                countries.add(p.country());
                types.add(p.participantType());
            });
            if (page.size() < 200) {
                break;
            }
        }
        assertThat(countries).hasSizeGreaterThanOrEqualTo(10);
        assertThat(types).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aScheduledAndAClosedJamShowTheOtherPhases() {
        var phases = jams.visibleTo(actor()).stream().map(j -> j.phase(jams.now())).collect(Collectors.toSet());
        assertThat(phases).contains(JamPhase.LIVE, JamPhase.SCHEDULED, JamPhase.CLOSED);
    }

    @Test
    void anIdeaBoxAndAChallengeStandBesideTheJamsWithAFewIdeasEach() {
        var campaigns = jams.visibleTo(actor()).stream()
                .filter(j -> j.kind() == JamKind.IDEA_BOX || j.kind() == JamKind.CHALLENGE).toList();
        assertThat(campaigns).extracting(Jam::kind).containsExactlyInAnyOrder(JamKind.IDEA_BOX, JamKind.CHALLENGE);
        for (Jam campaign : campaigns) {
            assertThat(campaign.phase(jams.now())).isEqualTo(JamPhase.LIVE);
            assertThat(discussion.countInJam(campaign.id())).isEqualTo(3);
        }
        assertThat(campaigns).filteredOn(j -> j.kind() == JamKind.CHALLENGE).singleElement()
                .satisfies(challenge -> assertThat(challenge.hasPrize()).isTrue());
    }

    @Test
    void aHelpStreamShowsQuestionsWaitingAnsweredAndSolvedUnderTheOrganisationsName() throws Exception {
        var stream = jams.visibleTo(actor()).stream().filter(j -> j.kind() == JamKind.HELP_STREAM).findFirst();
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("../shared/data/banking77/train.csv")),
                "the demo help stream is made of Banking77 questions");
        assertThat(stream).isPresent();
        var page = context.getBean(HelpQuestions.class).stream(actor(), stream.get().id(), null, 100, 0);
        int topics = DemoHelpStream.TOPICS.size();
        assertThat(page).hasSize(topics * DemoHelpStream.QUESTIONS_PER_TOPIC);
        assertThat(page).extracting(HelpQuestion::status)
                .containsSubsequence(QuestionStatus.OPEN, QuestionStatus.ANSWERED, QuestionStatus.SOLVED);
        assertThat(page).filteredOn(q -> q.status() == QuestionStatus.SOLVED).hasSize(topics);
        // Guests read it, answers under the organisation's name.
        mvc.perform(get("/help/{id}", stream.get().id())).andExpect(status().isOk());
        var solved = page.stream().filter(q -> q.status() == QuestionStatus.SOLVED).findFirst().orElseThrow();
        mvc.perform(get("/help/questions/{id}", solved.questionId()))
                .andExpect(content().string(Matchers.containsString(DemoHelpStream.ORGANISATION)));
    }

    @Test
    void seedingAgainAddsNothing() throws Exception {
        long people = identity.count();
        var jamIds = jams.visibleTo(actor()).stream().map(Jam::id).toList();
        long posts = discussion.countInJam(liveJam().id());

        demo.run(new DefaultApplicationArguments());

        assertThat(identity.count()).isEqualTo(people);
        assertThat(jams.visibleTo(actor()).stream().map(Jam::id).toList()).isEqualTo(jamIds);
        assertThat(discussion.countInJam(liveJam().id())).isEqualTo(posts);
        assertThat(demo.seedingNeeded()).isFalse();
    }

    @Test
    void bannerSaysWhereAndHowToSignIn() {
        assertThat(demo.banner()).contains("http://localhost:", DemoContent.ADMIN_EMAIL, DemoContent.ADMIN_PASSWORD,
                DemoContent.PARTICIPANT_EMAIL, DemoContent.PARTICIPANT_PASSWORD);
    }

    @Test
    void ideaTitlesAreTheFirstWordsCutAtAWordBoundary() {
        assertThat(DemoContent.titleOf("A person should have the dignity to choose how they die."))
                .isEqualTo("A person should have the dignity to choose how they die");
        String title = DemoContent.titleOf("Abolishing intellectual property rights removes the financial "
                + "incentive to innovation and would hurt small inventors most of all");
        assertThat(title).hasSizeLessThanOrEqualTo(DemoContent.TITLE_LENGTH + 1).endsWith("…")
                .startsWith("Abolishing intellectual property rights removes the");
        assertThat(title.charAt(title.length() - 2)).isNotEqualTo(' ');
    }

    @Test
    void fallsBackToBuiltInPostsWhereTheArgKpFolderIsMissing() {
        var topics = new ArrayList<String>();
        DemoContent.LIVE_TOPICS.forEach(t -> topics.add(t.argKpTopic()));
        topics.add(DemoContent.CLOSED_TOPIC.argKpTopic());

        var loaded = DemoArguments.load(Path.of("no-such-folder"), topics);

        assertThat(loaded.real()).isFalse();
        assertThat(loaded.source()).startsWith("built-in");
        assertThat(loaded.byTopic().values().stream().mapToInt(List::size).sum()).isBetween(25, 40);
        for (String topic : topics) {
            assertThat(loaded.of(topic)).as(topic).hasSizeGreaterThanOrEqualTo(4)
                    .anyMatch(DemoArguments.Argument::pro).anyMatch(a -> !a.pro());
        }
    }

    @Test
    void readsArgKpCsvWithQuotedFieldsAndTidiesTheText() {
        assertThat(DemoArguments.Csv.parse("arg_id,argument\r\narg_1,\"say \"\"no\"\", then\nstop\",x\n"))
                .containsExactly(List.of("arg_id", "argument"), List.of("arg_1", "say \"no\", then\nstop", "x"));
        assertThat(DemoArguments.tidy("`people reach their limit. i think   so"))
                .isEqualTo("People reach their limit. I think so");
    }

    /** A note under a post says something: no thread page of the demo shows an empty, bordered note box. */
    @Test
    void noThreadPageOfTheDemoShowsAnEmptyNoteUnderAPost() throws Exception {
        var participant = identity.findByEmail(DemoContent.PARTICIPANT_EMAIL).orElseThrow();
        var reader = org.incrowd.support.Fixtures.of(context).bearer(participant);
        var emptyNote = java.util.regex.Pattern.compile("<div class=\"post-note\">\\s*</div>");
        int pages = 0;
        for (Jam jam : jams.visibleTo(participant.asActor())) {
            if (jam.kind().isHelpStream()) {
                continue; // its questions are read on the stream's own pages
            }
            for (Forum forum : jams.forums(participant.asActor(), jam.id())) {
                for (Post idea : discussion.ideas(participant.asActor(), forum.id(), 0).ideas().stream().limit(5)
                        .toList()) {
                    String page = mvc.perform(get("/threads/" + idea.id()).with(reader))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    assertThat(emptyNote.matcher(page).find()).as("an empty note on thread %d", idea.id()).isFalse();
                    pages++;
                }
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(10);
    }

    private Person admin() {
        return identity.findByEmail(DemoContent.ADMIN_EMAIL).orElseThrow();
    }

    /** The closed Jam shows the loop closed: decisions with reasons on its ideas and a published report citing them. */
    @Test
    void theClosedJamsIdeasAreDecidedWithReasonsAndItsReportIsPublished() throws Exception {
        var closed = jams.visibleTo(actor()).stream().filter(j -> j.phase(jams.now()) == JamPhase.CLOSED)
                .findFirst().orElseThrow();
        var participant = identity.findByEmail(DemoContent.PARTICIPANT_EMAIL).orElseThrow();
        var report = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/jams/" + closed.id() + "/report").with(org.incrowd.support.Fixtures.of(context).bearer(participant)))
                .andReturn().getResponse();
        assertThat(report.getStatus()).isEqualTo(200);
        assertThat(report.getContentAsString()).contains("Name the source of every piece of news we share")
                .contains("/threads/");
        var decided = allPosts(closed).stream().filter(Post::isIdea)
                .map(idea -> reviewing.review(actor(), closed.id(), idea.id()).orElseThrow())
                .filter(review -> !review.stage().key().equals("new")).toList();
        assertThat(decided).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(review -> assertThat(review.reason()).isNotBlank());
    }

    private Actor actor() {
        return admin().asActor();
    }

    private Jam liveJam() {
        return jams.visibleTo(actor()).stream().filter(j -> j.phase(jams.now()) == JamPhase.LIVE).findFirst()
                .orElseThrow();
    }

    /** Every post of the Jam as readers page through it: forum by forum, idea by idea, reply page by reply page. */
    private List<Post> allPosts(Jam jam) {
        var posts = new ArrayList<Post>();
        for (Forum forum : jams.forums(actor(), jam.id())) {
            for (int page = 0; ; page++) {
                var ideas = discussion.ideas(actor(), forum.id(), page);
                for (Post idea : ideas.ideas()) {
                    posts.add(idea);
                    for (int replies = 0, pages = 1; replies < pages; replies++) {
                        var thread = discussion.thread(actor(), idea.id(), replies);
                        posts.addAll(thread.replies());
                        pages = thread.pages();
                    }
                }
                if (!ideas.hasMore()) {
                    break;
                }
            }
        }
        return posts;
    }
}
