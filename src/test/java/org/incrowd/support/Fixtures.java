package org.incrowd.support;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.mock.web.MockHttpServletResponse;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.incrowd.discussion.Editing;
import org.incrowd.discussion.Importing;
import org.incrowd.discussion.Moderating;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.Posting;
import org.incrowd.discussion.Reacting;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.identity.internal.ApiTokens;
import org.incrowd.jam.Forum;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamService;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Builds test data through the modules' public services only (people, Jams, forums, staff, members, posts) and signs
 * requests in the way real clients do: personal API tokens for the API, a real password sign-in for pages.
 *
 * <p>A plain class, not a bean, so it never leaks into contexts of tests that do not ask for it:
 * {@code var fixtures = Fixtures.of(applicationContext);} once per test class. Every e-mail address it makes is
 * unique, because test classes with the same configuration share one Spring context, and so one database.
 *
 * <p>Everyone made here has a verified address, as accounts made by an administrator do, except {@link
 * #unverified}'s people.
 *
 * <p>Two limits of the application shape the helpers: at most 20 posts per person and minute (so fixture posts
 * rotate over a pool of authors), and at most 100 sign-in attempts per client address in ten minutes (so every
 * sign-in here comes from an address of its own).
 */
public final class Fixtures {

    /** The password of every person made here. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    /** Stays well under the application's 20 posts a minute per person. */
    private static final int POSTS_PER_POOL_AUTHOR = 12;

    private final IdentityService identity;
    private final JamService jams;
    private final ApplicationContext context;
    private final ApiTokens tokens;
    private final MockMvc mvc;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final Map<Long, String> tokensByPerson = new HashMap<>();
    private final Map<Long, List<Person>> poolAuthors = new HashMap<>();
    private final Map<Long, Integer> postsByPoolAuthor = new HashMap<>();
    private String passwordHash;
    private Person organiser;

    private Fixtures(ApplicationContext context) {
        this.context = context;
        this.identity = context.getBean(IdentityService.class);
        this.jams = context.getBean(JamService.class);
        this.tokens = context.getBean(ApiTokens.class);
        this.mvc = context.getBeanProvider(MockMvc.class).getIfAvailable();
    }

    /** Takes the services (and MockMvc, where the context has one) from a test's application context. */
    public static Fixtures of(ApplicationContext context) {
        return new Fixtures(context);
    }

    public IdentityService identity() {
        return identity;
    }

    public JamService jams() {
        return jams;
    }

    // The discussion module's verb families.

    public Posting posting() {
        return context.getBean(Posting.class);
    }

    public Editing editing() {
        return context.getBean(Editing.class);
    }

    public Reacting reacting() {
        return context.getBean(Reacting.class);
    }

    public Moderating moderating() {
        return context.getBean(Moderating.class);
    }

    public Reading reading() {
        return context.getBean(Reading.class);
    }

    public Importing importing() {
        return context.getBean(Importing.class);
    }

    public PostFeed postFeed() {
        return context.getBean(PostFeed.class);
    }

    public ApiTokens tokens() {
        return tokens;
    }

    // ---- people ------------------------------------------------------------------------------------------------

    /** A unique e-mail address, readable in logs: {@code hint-<run>-<n>@example.org}. */
    public String email(String hint) {
        return hint.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + run + "-" + SEQUENCE.incrementAndGet()
                + "@example.org";
    }

    /** A person with the given roles, an employee, password {@link #PASSWORD}. */
    public Person person(String displayName, Role... roles) {
        return person(displayName, ParticipantType.EMPLOYEE, roles);
    }

    public Person person(String displayName, ParticipantType type, Role... roles) {
        var set = roles.length == 0 ? EnumSet.of(Role.PARTICIPANT) : EnumSet.of(roles[0], roles);
        return identity.registerWithHash(new Registration(email(displayName), PASSWORD, displayName, null, null, null,
                type, null), passwordHash(), set);
    }

    /** A person created through the full sign-up checks (use for values that must pass validation). */
    public Person registered(String displayName, Set<Role> roles) {
        return identity.register(new Registration(email("registered"), PASSWORD, displayName, null, null, null,
                ParticipantType.EMPLOYEE, null), roles);
    }

    /**
     * A member of the public who signed up themselves and has not followed the link in their verification mail yet
     * (every other person made here counts as verified, as accounts made by an administrator do).
     */
    public Person unverified(String displayName) {
        return identity.signUp(new Registration(email(displayName), PASSWORD, displayName, null, null, null,
                ParticipantType.PUBLIC, null)).orElseThrow();
    }

    public Actor actor(Person person) {
        return person.asActor();
    }

    /** The organiser who sets up every Jam made here (created on first use). */
    public Person organiser() {
        if (organiser == null) {
            organiser = person("Fixture organiser", Role.ORGANISER, Role.PARTICIPANT);
        }
        return organiser;
    }

    private String passwordHash() {
        if (passwordHash == null) {
            passwordHash = identity.hashPassword(PASSWORD); // one bcrypt for all fixture people
        }
        return passwordHash;
    }

    // ---- Jams --------------------------------------------------------------------------------------------------

    /** Describes a Jam to create; times are relative to the application clock. */
    public JamSpec jam(String title) {
        return new JamSpec(title);
    }

    /** A published Jam that started a day ago and ends in 30 days, open to every participant type. */
    public Jam liveJam(String title) {
        return jam(title).create();
    }

    public Forum forum(Jam jam, String title) {
        return jams.addForum(actor(organiser()), jam.id(), new ForumDraft(title, "What do you think about " + title
                + "?"));
    }

    public void host(Forum forum, Person person) {
        jams.assignStaff(actor(organiser()), forum.id(), person.email(), ForumRole.HOST);
    }

    public void facilitator(Forum forum, Person person) {
        jams.assignStaff(actor(organiser()), forum.id(), person.email(), ForumRole.FACILITATOR);
    }

    public void join(Jam jam, Person person) {
        jams.join(actor(person), jam.id(), true);
    }

    public Jam closeNow(Jam jam) {
        return jams.closeNow(actor(organiser()), jam.id());
    }

    public final class JamSpec {
        private final String title;
        private String question;
        private String purpose;
        private String terms;
        private Duration startsIn = Duration.ofDays(-1);
        private Duration endsIn = Duration.ofDays(30);
        private Set<ParticipantType> audience = EnumSet.allOf(ParticipantType.class);
        private boolean invitationOnly;
        private String invitations = "";
        private boolean publish = true;
        private String timeZone = "UTC";
        private JamKind kind = JamKind.JAM;
        private String prize;
        private String unit;

        private JamSpec(String title) {
            this.title = title;
        }

        public JamSpec question(String value) {
            this.question = value;
            return this;
        }

        public JamSpec purpose(String value) {
            this.purpose = value;
            return this;
        }

        public JamSpec terms(String value) {
            this.terms = value;
            return this;
        }

        public JamSpec startsIn(Duration value) {
            this.startsIn = value;
            return this;
        }

        public JamSpec endsIn(Duration value) {
            this.endsIn = value;
            return this;
        }

        public JamSpec audience(ParticipantType... types) {
            this.audience = EnumSet.of(types[0], types);
            return this;
        }

        /** Invitation-only, inviting exactly these addresses (none: only organisers can see it). */
        public JamSpec invitationOnly(String... emails) {
            this.invitationOnly = true;
            this.invitations = String.join("\n", emails);
            return this;
        }

        /** The zone in which the Jam's pages show times (UTC unless given). */
        public JamSpec timeZone(String zone) {
            this.timeZone = zone;
            return this;
        }

        /** An idea campaign: an idea box (its end is ignored) or a challenge (its end is the deadline). */
        public JamSpec campaign(JamKind value, String prizeText, String unitName) {
            this.kind = value;
            this.prize = prizeText;
            this.unit = unitName;
            return this;
        }

        public JamSpec draft() {
            this.publish = false;
            return this;
        }

        public Jam create() {
            Instant now = jams.now();
            var jam = jams.create(actor(organiser()), new JamDraft(title, purpose, question, local(now.plus(startsIn)),
                    local(now.plus(endsIn)), timeZone, audience, invitationOnly, invitations, terms, kind, prize,
                    unit));
            return publish ? jams.publish(actor(organiser()), jam.id()) : jam;
        }

        private String local(Instant instant) {
            return LocalDateTime.ofInstant(instant, java.time.ZoneId.of(timeZone)).truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
    }

    // ---- posts -------------------------------------------------------------------------------------------------

    public Post idea(Forum forum, Person author, String title, String body) {
        return posting().startThread(actor(author), forum.id(), new PostDraft(title, body, ""));
    }

    public Post idea(Forum forum, Person author, String title, String body, String tags) {
        return posting().startThread(actor(author), forum.id(), new PostDraft(title, body, tags));
    }

    /** An idea by one of a pool of members of the forum's Jam, so many ideas never hit the posting rate limit. */
    public Post idea(Forum forum, String title) {
        return idea(forum, poolAuthor(forum.jamId()), title, "Why not " + title.toLowerCase() + "?");
    }

    public Post reply(Post parent, Person author, String body) {
        return posting().reply(actor(author), parent.id(), new PostDraft(null, body, ""));
    }

    /** A member of the Jam who has written fewer than a dozen fixture posts. */
    public Person poolAuthor(long jamId) {
        var pool = poolAuthors.computeIfAbsent(jamId, id -> new ArrayList<>());
        for (Person author : pool) {
            if (postsByPoolAuthor.get(author.id()) < POSTS_PER_POOL_AUTHOR) {
                postsByPoolAuthor.merge(author.id(), 1, Integer::sum);
                return author;
            }
        }
        var author = person("Pool author " + (pool.size() + 1), Role.PARTICIPANT);
        jams.join(actor(author), jamId, true);
        pool.add(author);
        postsByPoolAuthor.put(author.id(), 1);
        return author;
    }

    // ---- signing requests in -----------------------------------------------------------------------------------

    /** A live personal API token of the person (one per person, made on first use). */
    public String token(Person person) {
        return tokensByPerson.computeIfAbsent(person.id(), id -> tokens.create(id, "fixture"));
    }

    /** {@code Authorization: Bearer <token>} for the person. */
    public RequestPostProcessor bearer(Person person) {
        return bearer(token(person));
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /**
     * Asks for a page the way a browser does. It matters: Spring Security sends a guest to the sign-in page only when
     * the request accepts HTML; other clients get the API's 401.
     */
    public static RequestPostProcessor browser() {
        return request -> {
            request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            return request;
        };
    }

    /**
     * Sets the servlet path as the server does for Spring's dispatcher servlet at "/" (the whole path). MockMvc leaves it
     * empty, and the application's own filters (sign-in rate limit, API error answers) look at it.
     */
    public static RequestPostProcessor servletPath() {
        return request -> {
            request.setServletPath(request.getRequestURI().substring(request.getContextPath().length()));
            return request;
        };
    }

    /** A page read by a browser in this session (a new one is a guest's), its answer as the browser gets it. */
    public static MockHttpServletResponse page(MockMvc mvc, String path, MockHttpSession session) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).session(session).with(browser()).with(servletPath()))
                .andReturn().getResponse();
    }

    /** Makes the request come from the given client address (the sign-in rate limit counts per address). */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A client address no other request of this JVM used. */
    public static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** Signs in through the sign-in form, as a browser does, and returns the session to send with later requests. */
    public MockHttpSession signIn(Person person) throws Exception {
        var result = mvc.perform(post("/signin").param("email", person.email()).param("password", PASSWORD)
                        .with(csrf()).with(from(newAddress())).with(browser()).with(servletPath()))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || location.contains("error") || location.contains("locked")) {
            throw new AssertionError("Sign-in of " + person.email() + " failed: status "
                    + result.getResponse().getStatus() + ", redirected to " + location);
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
