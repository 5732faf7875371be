package org.incrowd.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.incrowd.discussion.Moderating;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.Posting;
import org.incrowd.discussion.Reacting;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamDraft;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a new installation with demo content when Incrowd runs with {@code incrowd.demo=true} ({@code ./incrowd run}):
 * people → live Jam → forums and staff → posts → reactions, then a scheduled and a closed Jam. Only the modules'
 * public services are used, so every rule (validation, phases, posting rights, rate limits) holds for demo data too.
 *
 * <p>Seeding happens once, in one transaction (a failed start leaves nothing half-made), and is skipped when the
 * demo administrator exists already or the installation has an administrator of its own. The banner with the URL and
 * the demo accounts is printed on every start in demo mode. Everything random comes from {@code new Random(42)}, so
 * the same data gives the same demo.
 */
@Component
@ConditionalOnBooleanProperty("incrowd.demo")
@Order(Ordered.HIGHEST_PRECEDENCE) // before identity's FirstAdministrator, which then finds the demo administrator
class DemoContent implements ApplicationRunner {

    static final String ADMIN_EMAIL = "admin@" + DemoPeople.DOMAIN;
    static final String ADMIN_PASSWORD = "demo-admin-password";
    static final String PARTICIPANT_EMAIL = "participant@" + DemoPeople.DOMAIN;
    static final String PARTICIPANT_PASSWORD = "demo-participant-password";
    static final String ORGANISER_EMAIL = "organiser@" + DemoPeople.DOMAIN;
    static final String ORGANISER_PASSWORD = "demo-organiser-password";
    /** The password of every other demo person (first.last@demo.incrowd.example). */
    static final String PEOPLE_PASSWORD = "demo-people-password";

    static final int CROWD_SIZE = 120;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Set<ParticipantType> AUDIENCE = EnumSet.of(ParticipantType.EMPLOYEE, ParticipantType.CLIENT,
            ParticipantType.PARTNER, ParticipantType.ACADEMIC, ParticipantType.FAMILY_MEMBER);

    /** A forum of a demo Jam, the ArgKP topic its posts come from, and how its activity runs over the hours. */
    record Topic(String argKpTopic, String tag, String title, String question, Activity activity) {
    }

    static final List<Topic> LIVE_TOPICS = List.of(
            new Topic(DemoArguments.RETIREMENT, "retirement", "Working later in life",
                    "Should we end mandatory retirement, so that people may keep working as long as they want to?",
                    Activity.STEADY),
            new Topic(DemoArguments.VOCATIONAL, "training", "Skills and vocational training",
                    "Should we pay for vocational education and apprenticeships, for our people and our region?",
                    Activity.FADING),
            new Topic(DemoArguments.IP, "ownership", "Who owns an idea?",
                    "Should we abolish intellectual property rights and share what we invent?", Activity.EMERGING),
            new Topic(DemoArguments.URBANIZATION, "cities", "Cities, towns and where we work",
                    "Should we resist urbanisation, and bring work to smaller towns rather than big cities?",
                    Activity.GROWING));
    static final Topic CLOSED_TOPIC = new Topic(DemoArguments.JOURNALISM, "news", "Trusted news",
            "Should public money support journalism?", Activity.STEADY);
    static final Topic SCHEDULED_TOPIC = new Topic(DemoArguments.SPACE, "space", "Beyond the horizon",
            "Should we support space exploration, and what should it bring back to Earth?", Activity.STEADY);

    /** Ideas among the posts of one forum of the live Jam, and the posts in all (ideas and replies). */
    static final int IDEAS_PER_FORUM = 14;
    static final int POSTS_PER_FORUM = 70;
    static final int CLOSED_JAM_POSTS = 20;
    /** How likely a member reacts to an idea, and to a reply, of a Jam they joined. */
    static final double REACT_TO_IDEA = 0.35;
    static final double REACT_TO_REPLY = 0.04;
    static final int TITLE_LENGTH = 60;

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final IdentityService identity;
    private final JamService jams;
    private final Posting posting;
    private final Reacting reacting;
    private final Moderating moderating;
    private final DemoLoop loop;
    private final DemoHelpStream helpStream;
    private final TransactionTemplate transaction;
    private final DemoClock clock;
    private final Environment environment;
    private final Path dataDir;
    private final int postsPerMinute;
    private final IdentityModes modes;

    DemoContent(IdentityService identity, JamService jams, Posting posting, Reacting reacting, Moderating moderating,
                DemoLoop loop, DemoHelpStream helpStream, PlatformTransactionManager transactions, DemoClock clock, Environment environment,
                @Value("${incrowd.demo.data-dir:../shared/data}") String dataDir,
                @Value("${incrowd.posting.per-minute:20}") int postsPerMinute, IdentityModes modes) {
        this.modes = modes;
        this.identity = identity;
        this.jams = jams;
        this.posting = posting;
        this.reacting = reacting;
        this.moderating = moderating;
        this.loop = loop;
        this.helpStream = helpStream;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.environment = environment;
        this.dataDir = Path.of(dataDir);
        this.postsPerMinute = postsPerMinute;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seedingNeeded()) {
            long started = System.nanoTime();
            Summary summary;
            try {
                summary = transaction.execute(status -> seed());
            } finally {
                clock.release();
            }
            log.info("Demo content created in {} ms: {}", (System.nanoTime() - started) / 1_000_000, summary);
        }
        if (identity.findByEmail(ADMIN_EMAIL).isPresent()) {
            printBanner();
        }
    }

    /** Only a new installation gets demo content, and only once. */
    boolean seedingNeeded() {
        if (identity.findByEmail(ADMIN_EMAIL).isPresent()) {
            log.info("Demo content is there already (found {}); nothing to add", ADMIN_EMAIL);
            return false;
        }
        if (identity.hasAdministrator()) {
            log.warn("incrowd.demo=true, but this installation has an administrator of its own: no demo content is "
                    + "added to it");
            return false;
        }
        return true;
    }

    /** What seeding made, for the log. */
    record Summary(int people, int jams, int forums, int posts, int reactions, String steps) {
    }

    private Summary seed() {
        var random = new Random(42);
        var topics = new ArrayList<String>();
        LIVE_TOPICS.forEach(t -> topics.add(t.argKpTopic()));
        topics.add(CLOSED_TOPIC.argKpTopic());
        var texts = DemoArguments.load(dataDir, topics);
        log.info("Demo posts: {}", texts.source());
        var timer = new Timer();

        staffed = 0;
        var cast = people(random);
        var authors = new Authors(Math.max(1, postsPerMinute - 1));
        timer.lap("people");

        Jam live = liveJam(cast.organiser(), texts);
        // Visitors of a demo look around before choosing an account: the live Jam reads without one.
        jams.openToGuests(cast.organiser().asActor(), live.id(), true);
        // A demo shows the whole way in: whoever signs up may choose a type the live Jam is open to.
        identity.offerAtSignUp(cast.admin().asActor(), AUDIENCE);
        var liveForums = forums(cast, live, LIVE_TOPICS);
        var liveHours = Span.soFar(live, clock.instant());
        var liveMembers = join(cast.crowd(), live, 0.85, liveHours, random);
        timer.lap("live Jam");
        var livePosts = posts(liveForums, LIVE_TOPICS, texts, authors.among(liveMembers), random, IDEAS_PER_FORUM,
                POSTS_PER_FORUM, liveHours);
        timer.lap("posts");
        int reactions = reactions(livePosts, liveMembers, liveHours, random);
        timer.lap("reactions");
        clock.release();
        featured(cast.organiser(), livePosts.stream().map(Seeded::post).toList());
        // One forum shows pseudonyms: named -> pseudonymous is allowed once posts exist (towards more privacy).
        modes.setForForum(cast.organiser().asActor(), liveForums.getLast().id(), IdentityMode.PSEUDONYMOUS);

        Jam scheduled = scheduledJam(cast);
        join(cast.crowd(), scheduled, 0.12, Span.now(clock.instant()), random);
        clock.release();

        Jam closed = closedJamOpened(cast.organiser());
        var closedForums = forums(cast, closed, List.of(CLOSED_TOPIC));
        var closedHours = Span.soFar(closed, clock.instant());
        var closedMembers = join(cast.crowd(), closed, 0.4, closedHours, random);
        var closedPosts = posts(closedForums, List.of(CLOSED_TOPIC), texts, authors.among(closedMembers), random, 5,
                CLOSED_JAM_POSTS, closedHours);
        reactions += reactions(closedPosts, closedMembers, closedHours, random);
        clock.release();
        jams.closeNow(cast.organiser().asActor(), closed.id());
        loop.close(cast.organiser(), closed.id(), closedPosts.stream().map(Seeded::post).toList());
        timer.lap("scheduled and closed Jams");
        int campaignIdeas = campaigns(cast);
        timer.lap("idea box and challenge");
        int questions = helpStream.create(cast.organiser(), cast.crowd(), dataDir);
        timer.lap("help stream");

        return new Summary(cast.crowd().size() + 3, 6, liveForums.size() + closedForums.size() + 3
                + DemoHelpStream.TOPICS.size(), livePosts.size() + closedPosts.size() + campaignIdeas + questions,
                reactions, timer.toString());
    }

    /** Facilitators' work the demo shows: one pinned idea per forum, and two replies in the spotlight. */
    private void featured(Person organiser, List<Post> posts) {
        var actor = organiser.asActor();
        var firstIdeaPerForum = new java.util.LinkedHashMap<Long, Post>();
        posts.stream().filter(Post::isIdea).forEach(idea -> firstIdeaPerForum.putIfAbsent(idea.forumId(), idea));
        firstIdeaPerForum.values().forEach(idea -> moderating.pin(actor, idea.id(), true));
        posts.stream().filter(post -> !post.isIdea()).limit(2)
                .forEach(post -> moderating.spotlight(actor, post.id(), true));
    }

    /** Milliseconds per step of the seeding, for the log. */
    private static final class Timer {
        private final StringBuilder laps = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String step) {
            long now = System.nanoTime();
            laps.append(laps.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000)
                    .append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return laps.toString();
        }
    }

    // ---- people --------------------------------------------------------------------------------------------------

    /** The three demo accounts with their own passwords, and the crowd sharing one. */
    record Cast(Person admin, Person organiser, Person participant, List<Person> crowd) {
    }

    private Cast people(Random random) {
        var admin = identity.register(new Registration(ADMIN_EMAIL, ADMIN_PASSWORD, "Demo Administrator", "DE",
                "HR", "Jam programme lead", ParticipantType.EMPLOYEE, "en"),
                EnumSet.of(Role.ADMINISTRATOR, Role.ORGANISER, Role.PARTICIPANT));
        var organiser = identity.register(new Registration(ORGANISER_EMAIL, ORGANISER_PASSWORD, "Olivia Organiser",
                "GB", "Communications", "internal communications manager", ParticipantType.EMPLOYEE, "en"),
                EnumSet.of(Role.ORGANISER, Role.PARTICIPANT));
        var participant = identity.register(new Registration(PARTICIPANT_EMAIL, PARTICIPANT_PASSWORD,
                "Pat Participant", "NL", "Service", "service engineer", ParticipantType.EMPLOYEE, "en"));
        String hash = identity.hashPassword(PEOPLE_PASSWORD);
        var crowd = DemoPeople.invent(CROWD_SIZE, random).stream()
                .map(r -> identity.registerWithHash(r, hash, EnumSet.of(Role.PARTICIPANT))).toList();
        return new Cast(admin, organiser, participant, crowd);
    }

    // ---- Jams and forums -----------------------------------------------------------------------------------------

    /** Started a day ago, ends in about two days: 72 hours, like IBM's Jams. */
    private Jam liveJam(Person organiser, DemoArguments.Loaded texts) {
        LocalDateTime start = hoursFromNow(-24);
        String purpose = """
                Seventy-two hours to shape how we work, learn and share ideas over the next ten years. Employees, \
                clients, partners, academics and our families: every view counts. Post an idea, build on the ideas \
                of others, and react to them (agree, disagree or pass) so that everyone can see where we agree and \
                where we differ. Hosts answer in each forum; facilitators guide the conversation around the clock."""
                + (texts.real() ? "\n\nThe demo posts are real arguments written by crowd contributors for the IBM "
                        + "Debater® ArgKP data set (© IBM 2020, Community Data License Agreement – Sharing 1.0; "
                        + "Bar-Haim et al., ACL 2020)." : "");
        var jam = jams.create(organiser.asActor(), new JamDraft("Future of Work Jam", purpose,
                "How should we work, learn and share ideas in the next ten years?", start.toString(),
                start.plusHours(72).toString(), ZONE.getId(), AUDIENCE, false, null, TERMS));
        return jams.publish(organiser.asActor(), jam.id());
    }

    static final String TERMS = """
            By joining this Jam you agree that:
            - what you post is visible, under your name, to everyone in this Jam's audience;
            - you keep the credit for your ideas: you stay their author, and the organisation names you when it \
            takes one up;
            - the organisation may use, adapt and build on the ideas posted here, without payment, to improve its \
            work, and so may other participants within this Jam;
            - you post only what you may share: no confidential customer data, nobody else's work without credit.
            Facilitators may hide posts that break these terms, and will tell you why.""";

    /** Starts a week from now, so people can look ahead and join early. */
    private Jam scheduledJam(Cast cast) {
        LocalDateTime start = LocalDateTime.now(ZONE).plusDays(7).truncatedTo(ChronoUnit.DAYS).withHour(9);
        var organiser = cast.organiser().asActor();
        var jam = jams.create(organiser, new JamDraft("Innovation Jam: beyond the horizon",
                "Three days on the long view: the technologies, places and partnerships that will matter in twenty "
                        + "years.", "What should we start now that will matter in twenty years?",
                start.toString(), start.plusHours(72).toString(), ZONE.getId(), AUDIENCE, false, null, TERMS));
        jam = jams.publish(organiser, jam.id());
        forums(cast, jam, List.of(SCHEDULED_TOPIC));
        return jam;
    }

    /** A Jam that ran for a few days; it is closed once its posts are in (a closed Jam takes no posts). */
    private Jam closedJamOpened(Person organiser) {
        LocalDateTime start = hoursFromNow(-24 * 5);
        var jam = jams.create(organiser.asActor(), new JamDraft("Listening session: trusted information",
                "How do we keep each other well informed, and whom do we trust for news?",
                "Where should trustworthy information come from?", start.toString(),
                hoursFromNow(24).toString(), ZONE.getId(), AUDIENCE, false, null, TERMS));
        return jams.publish(organiser.asActor(), jam.id());
    }

    /**
     * Idea campaigns beside the Jams: an idea box for the whole organisation, open since a month and without end,
     * and a challenge for one unit with a deadline in ten days and a prize; a few ideas in each.
     */
    private int campaigns(Cast cast) {
        var organiser = cast.organiser().asActor();
        var box = jams.create(organiser, new JamDraft("Idea box: a better workplace",
                "Anything that would make your working day better, any time of the year. Organisers read every "
                        + "idea and answer it.", "What would make your working day better?",
                hoursFromNow(-24 * 30).toString(), null, ZONE.getId(), AUDIENCE, false, null, TERMS,
                JamKind.IDEA_BOX, null, null));
        var challenge = jams.create(organiser, new JamDraft("Challenge: halve our paper use",
                "Ideas to halve the paper we print and ship, within a year. The best idea wins its team a day with "
                        + "the board to put it into practice.", "How can we halve our paper use within a year?",
                hoursFromNow(-24 * 4).toString(), hoursFromNow(24 * 10).toString(), ZONE.getId(), AUDIENCE, false,
                null, TERMS, JamKind.CHALLENGE, "A day with the board to put the winning idea into practice",
                "Operations"));
        int ideas = 0;
        for (var campaign : List.of(box, challenge)) {
            jams.publish(organiser, campaign.id());
            var forum = jams.addForum(organiser, campaign.id(), new ForumDraft("Ideas", campaign.question()));
            var texts = campaign.kind() == JamKind.IDEA_BOX ? BOX_IDEAS : CHALLENGE_IDEAS;
            for (int i = 0; i < texts.size(); i++) {
                var author = cast.crowd().get((i * 7 + ideas) % cast.crowd().size());
                jams.join(author.asActor(), campaign.id(), true);
                posting.startThread(author.asActor(), forum.id(), new PostDraft(texts.get(i)[0], texts.get(i)[1], ""));
                ideas++;
            }
        }
        return ideas;
    }

    static final List<String[]> BOX_IDEAS = List.of(
            new String[] {"Quiet rooms for focused work", "Two meeting rooms per floor kept for quiet, focused work."},
            new String[] {"Bike repair day each spring", "A mechanic on site once a year for everyone who cycles in."},
            new String[] {"Lunch with another team", "Pair teams at random once a month to have lunch together."});

    static final List<String[]> CHALLENGE_IDEAS = List.of(
            new String[] {"Digital delivery notes", "Send delivery notes by e-mail and keep paper for those who ask."},
            new String[] {"Print on request only", "Default every printer to hold jobs until someone collects them."},
            new String[] {"Reusable shipping boxes", "Return boxes to the depot with the next delivery."});

    private static LocalDateTime hoursFromNow(int hours) {
        return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(hours);
    }

    /** One forum per topic, each with a host and a facilitator from the crowd. */
    private List<Forum> forums(Cast cast, Jam jam, List<Topic> topics) {
        var organiser = cast.organiser().asActor();
        // Facilitators from HR and Reception; hosts, the subject experts, are managers and researchers elsewhere.
        var facilitators = cast.crowd().stream().filter(p -> p.participantType() == ParticipantType.EMPLOYEE)
                .filter(p -> "HR".equals(p.orgUnit()) || "Reception".equals(p.orgUnit())).toList();
        var hosts = cast.crowd().stream().filter(p -> p.participantType() == ParticipantType.EMPLOYEE)
                .filter(p -> "manager".equals(p.jobRole()) || "Research".equals(p.orgUnit()))
                .filter(p -> !facilitators.contains(p)).toList();
        var forums = new ArrayList<Forum>();
        for (var topic : topics) {
            var forum = jams.addForum(organiser, jam.id(), new ForumDraft(topic.title(), topic.question()));
            int n = staffed++;
            jams.assignStaff(organiser, forum.id(), pickOrAny(hosts, cast.crowd(), n).email(), ForumRole.HOST);
            jams.assignStaff(organiser, forum.id(), pickOrAny(facilitators, cast.crowd(), n).email(),
                    ForumRole.FACILITATOR);
            forums.add(forum);
        }
        return forums;
    }

    /** How many forums have staff so far, so that staff rotate across forums and Jams. */
    private int staffed;

    private static Person pickOrAny(List<Person> preferred, List<Person> all, int n) {
        var from = preferred.isEmpty() ? all : preferred;
        return from.get(n % from.size());
    }

    /**
     * The hours of a Jam so far, over which the demo spreads what people do: from shortly after its start until a few
     * minutes ago.
     */
    record Span(Instant from, Instant to) {

        static Span soFar(Jam jam, Instant now) {
            return new Span(jam.startsAt().plus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5)));
        }

        static Span now(Instant now) {
            return new Span(now, now);
        }

        /** The moment a fraction of the way through (0 = from, 1 = to). */
        Instant at(double fraction) {
            return from.plusMillis((long) (Duration.between(from, to).toMillis() * fraction));
        }

        Instant atMost(Instant moment) {
            return moment.isAfter(to) ? to : moment;
        }
    }

    /**
     * Each person of the crowd joins (accepting the terms) with the given probability, most in the Jam's first
     * hours, a few later on.
     */
    private List<Person> join(List<Person> crowd, Jam jam, double probability, Span hours, Random random) {
        var members = new ArrayList<Person>();
        for (var person : crowd) {
            if (random.nextDouble() < probability) {
                double r = random.nextDouble();
                clock.setTo(hours.at(0.4 * r * r));
                jams.join(person.asActor(), jam.id(), true);
                members.add(person);
            }
        }
        return members;
    }

    // ---- posts ---------------------------------------------------------------------------------------------------

    /** A post made by the demo, with the stance of the argument it carries and the index of its topic. */
    record Seeded(Post post, int topic, boolean pro) {

        Instant at() {
            return post.createdAt();
        }
    }

    /**
     * Per forum: ideas from some arguments (balanced pro and con), then replies from other arguments on the same
     * topic, each building on the idea or on a reply to it, up to three levels deep.
     */
    private List<Seeded> posts(List<Forum> forums, List<Topic> topics, DemoArguments.Loaded texts,
                               Supplier<Actor> authors, Random random, int ideasPerForum, int postsPerForum,
                               Span hours) {
        var planned = new ArrayList<Planned>();
        for (int f = 0; f < forums.size(); f++) {
            var topic = topics.get(f);
            int topicIndex = topicIndex(topic);
            var chosen = choose(texts, topic, random, ideasPerForum, postsPerForum);
            var threads = new ArrayList<List<Planned>>();
            for (var argument : chosen.ideas()) {
                var idea = new Planned(hours.at(topic.activity().sample(random)), forums.get(f), topic, topicIndex,
                        argument, authors.get(), null);
                threads.add(new ArrayList<>(List.of(idea)));
                planned.add(idea);
            }
            for (var argument : chosen.replies()) {
                var thread = threads.get(random.nextInt(threads.size()));
                var parent = parentIn(thread, random);
                // A reply comes when its topic is busy, and never before what it builds on.
                var when = hours.at(topic.activity().sample(random));
                var soonest = parent.at().plus(Duration.ofMinutes(2 + random.nextInt(90)));
                var reply = new Planned(hours.atMost(when.isBefore(soonest) ? soonest : when), forums.get(f), topic,
                        topicIndex, argument, authors.get(), parent);
                thread.add(reply);
                planned.add(reply);
            }
        }
        // Written in time order, as a real Jam writes them: ids then follow time, and every page that lists "newest
        // first" by id agrees with the times it shows. A stable sort keeps a reply after its parent at equal times.
        var inTimeOrder = new ArrayList<>(planned);
        inTimeOrder.sort(java.util.Comparator.comparing(Planned::at));
        for (var post : inTimeOrder) {
            clock.setTo(post.at());
            post.write(posting);
        }
        return planned.stream().map(Planned::seeded).toList();
    }

    /** A post the demo will write: when, where, by whom and on what; written later, in time order. */
    private static final class Planned {
        private final Instant at;
        private final Forum forum;
        private final Topic topic;
        private final int topicIndex;
        private final DemoArguments.Argument argument;
        private final Actor author;
        private final Planned parent;
        private Seeded seeded;

        Planned(Instant at, Forum forum, Topic topic, int topicIndex, DemoArguments.Argument argument, Actor author,
                Planned parent) {
            this.at = at;
            this.forum = forum;
            this.topic = topic;
            this.topicIndex = topicIndex;
            this.argument = argument;
            this.author = author;
            this.parent = parent;
        }

        Instant at() {
            return at;
        }

        int depth() {
            return parent == null ? 0 : parent.depth() + 1;
        }

        Seeded seeded() {
            return seeded;
        }

        void write(Posting posting) {
            String text = argument.text();
            var post = parent == null
                    ? posting.startThread(author, forum.id(), new PostDraft(titleOf(text), text, tags(topic, argument)))
                    : posting.reply(author, parent.seeded.post().id(), new PostDraft(null, text, tags(topic, argument)));
            seeded = new Seeded(post, topicIndex, argument.pro());
        }
    }

    private record Chosen(List<DemoArguments.Argument> ideas, List<DemoArguments.Argument> replies) {
    }

    /**
     * Real data: a shuffled sample, the ideas taken alternately pro and con from the arguments of a readable
     * length. Built-in data: a third of its few posts become ideas, in their written order.
     */
    private static Chosen choose(DemoArguments.Loaded texts, Topic topic, Random random, int ideas, int posts) {
        var all = new ArrayList<>(texts.of(topic.argKpTopic()));
        if (!texts.real()) {
            int n = Math.max(1, all.size() / 3);
            return new Chosen(all.subList(0, n), all.subList(n, all.size()));
        }
        Collections.shuffle(all, random);
        var chosenIdeas = new ArrayList<DemoArguments.Argument>();
        for (boolean pro : new boolean[] {true, false}) {
            all.stream().filter(a -> a.pro() == pro && a.text().length() >= 60).limit((ideas + (pro ? 1 : 0)) / 2)
                    .forEach(chosenIdeas::add);
        }
        chosenIdeas.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
        all.removeAll(chosenIdeas);
        return new Chosen(chosenIdeas, all.subList(0, Math.min(all.size(), Math.max(0, posts - chosenIdeas.size()))));
    }

    /** Half of the replies answer the idea itself, the others build on a reply (never deeper than three levels). */
    private static Planned parentIn(List<Planned> thread, Random random) {
        var candidates = thread.stream().filter(s -> s.depth() < 3).toList();
        if (candidates.size() == 1 || random.nextBoolean()) {
            return thread.getFirst();
        }
        return candidates.get(1 + random.nextInt(candidates.size() - 1));
    }

    private static String tags(Topic topic, DemoArguments.Argument argument) {
        return (argument.pro() ? "pro" : "con") + ", " + topic.tag();
    }

    private static int topicIndex(Topic topic) {
        int index = LIVE_TOPICS.indexOf(topic);
        return index >= 0 ? index : LIVE_TOPICS.size();
    }

    /** The first words of the argument, cut at a word boundary near {@value #TITLE_LENGTH} characters. */
    static String titleOf(String text) {
        String firstSentence = text.split("(?<=[.!?])\\s", 2)[0];
        String candidate = firstSentence.replaceFirst("[.!?]+$", "");
        if (candidate.length() <= TITLE_LENGTH) {
            return candidate;
        }
        int cut = candidate.lastIndexOf(' ', TITLE_LENGTH);
        String head = candidate.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH);
        return head.replaceFirst("[\\s,;:\\-–]+$", "") + "…";
    }

    /**
     * Spreads posts over the members of a Jam, round robin, so that no author reaches the posting rate limit (which
     * counts each author's posts of the last minute, across all Jams).
     */
    private static final class Authors {
        private final int perAuthor;
        private final Map<Long, Integer> written = new HashMap<>();

        Authors(int perAuthor) {
            this.perAuthor = perAuthor;
        }

        Supplier<Actor> among(List<Person> members) {
            int[] next = {0};
            return () -> {
                for (int tried = 0; tried < members.size(); tried++) {
                    var person = members.get(next[0]++ % members.size());
                    if (written.merge(person.id(), 1, Integer::sum) <= perAuthor) {
                        return person.asActor();
                    }
                }
                throw new IllegalStateException("Too few demo authors for the posting rate limit");
            };
        }
    }

    // ---- reactions -----------------------------------------------------------------------------------------------

    /**
     * Members react mostly to ideas and sometimes to replies. Each belongs to one of three opinion camps (always
     * for, always against, or for work-life topics and against the rest), with a little personal variation, and
     * agrees mostly with arguments on their side: the raw material for opinion groups.
     */
    private int reactions(List<Seeded> posts, List<Person> members, Span hours, Random random) {
        int count = 0;
        for (var member : members) {
            var leaning = leaning(random);
            var actor = member.asActor();
            for (var seeded : posts) {
                var post = seeded.post();
                double chance = post.isIdea() ? REACT_TO_IDEA : REACT_TO_REPLY;
                if (post.authorId() == member.id() || random.nextDouble() >= chance) {
                    continue;
                }
                // Most reactions come within the hour after the post, some much later.
                double delay = random.nextDouble();
                clock.setTo(hours.atMost(seeded.at().plus(Duration.ofMinutes((long) (360 * delay * delay * delay)))));
                reacting.react(actor, post.id(), reaction(seeded.pro() == leaning[seeded.topic()], random));
                count++;
            }
        }
        return count;
    }

    /** For each topic (the live Jam's, then the closed Jam's): whether this person leans towards "pro". */
    private static boolean[] leaning(Random random) {
        int camp = random.nextInt(3);
        var leaning = new boolean[LIVE_TOPICS.size() + 1];
        for (int t = 0; t < leaning.length; t++) {
            boolean pro = switch (camp) {
                case 0 -> true;
                case 1 -> false;
                default -> t < 2 || t == LIVE_TOPICS.size();
            };
            leaning[t] = random.nextDouble() < 0.1 ? !pro : pro;
        }
        return leaning;
    }

    private static ReactionKind reaction(boolean onMySide, Random random) {
        double roll = random.nextDouble();
        if (onMySide) {
            return roll < 0.75 ? ReactionKind.AGREE : roll < 0.85 ? ReactionKind.DISAGREE : ReactionKind.PASS;
        }
        return roll < 0.15 ? ReactionKind.AGREE : roll < 0.8 ? ReactionKind.DISAGREE : ReactionKind.PASS;
    }

    // ---- banner --------------------------------------------------------------------------------------------------

    String banner() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return """

                ===============================================================================
                 Incrowd is running with demo content: http://localhost:%s
                 Sign in as
                   the demo administrator:  %s / %s
                   a demo participant:      %s / %s
                   the demo organiser:      %s / %s
                   any other demo person:   <first.last>@%s / %s
                 The demo passwords are public: do not keep real data in a demo installation.
                ===============================================================================
                """.formatted(port, ADMIN_EMAIL, ADMIN_PASSWORD, PARTICIPANT_EMAIL, PARTICIPANT_PASSWORD,
                ORGANISER_EMAIL, ORGANISER_PASSWORD, DemoPeople.DOMAIN, PEOPLE_PASSWORD);
    }

    private void printBanner() {
        String banner = banner();
        log.info("Incrowd demo: http://localhost:{} - sign in as {} / {} or {} / {}",
                environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                ADMIN_EMAIL, ADMIN_PASSWORD, PARTICIPANT_EMAIL, PARTICIPANT_PASSWORD);
        System.out.println(banner);
    }
}
