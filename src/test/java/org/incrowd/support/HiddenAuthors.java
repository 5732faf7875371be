package org.incrowd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.incrowd.discussion.Post;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.Jam;
import org.springframework.context.ApplicationContext;

/**
 * The leak suites' setting (ADR 41): a live Jam with a pseudonymous and an anonymous forum, and an author whose every
 * identifying field is a word no page would print by chance, so that finding one in a response proves a leak.
 * {@link #assertNoTrace} checks any response body (HTML, JSON, SSE, CSV, text of a PDF or mail) for the author's
 * name, e-mail address, org unit, job role, country and account id.
 */
public final class HiddenAuthors {

    public static final String NAME = "Zephyrine Quillfeather";
    public static final String ORG_UNIT = "Xylarium Unit";
    public static final String JOB_ROLE = "Vexillologist";
    /** A country the organiser does not allow pseudonyms to show (stored as its ISO code, shown by its name). */
    public static final String COUNTRY = "TV";
    public static final String COUNTRY_NAME = "Tuvalu";

    public final Fixtures fixtures;
    public final Jam jam;
    public final Forum pseudonymous;
    public final Forum anonymous;
    public final Person author;

    private HiddenAuthors(Fixtures fixtures, Jam jam, Forum pseudonymous, Forum anonymous, Person author) {
        this.fixtures = fixtures;
        this.jam = jam;
        this.pseudonymous = pseudonymous;
        this.anonymous = anonymous;
        this.author = author;
    }

    /** A new live Jam, pseudonymous (country not shown) with one anonymous forum, and the hidden author as member. */
    public static HiddenAuthors in(ApplicationContext context) {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Hidden authors " + System.nanoTime());
        var pseudonymous = fixtures.forum(jam, "Say it under a pseudonym");
        var anonymous = fixtures.forum(jam, "Say it with no name");
        var modes = context.getBean(IdentityModes.class);
        var organiser = fixtures.actor(fixtures.organiser());
        modes.setForJam(organiser, jam.id(), IdentityMode.PSEUDONYMOUS, false);
        modes.setForForum(organiser, anonymous.id(), IdentityMode.ANONYMOUS);
        var author = fixtures.identity().registerWithHash(new Registration(fixtures.email("zephyrine"),
                        Fixtures.PASSWORD, NAME, COUNTRY, ORG_UNIT, JOB_ROLE, ParticipantType.EMPLOYEE, null),
                fixtures.identity().hashPassword(Fixtures.PASSWORD), EnumSet.of(Role.PARTICIPANT));
        fixtures.join(jam, author);
        return new HiddenAuthors(fixtures, jam, pseudonymous, anonymous, author);
    }

    /** An idea of the hidden author in the pseudonymous forum. */
    public Post pseudonymousIdea(String title, String body) {
        return fixtures.idea(pseudonymous, author, title, body);
    }

    /** An idea of the hidden author in the anonymous forum. */
    public Post anonymousIdea(String title, String body) {
        return fixtures.idea(anonymous, author, title, body);
    }

    /** The words that must never appear where the author is hidden. */
    public List<String> traces() {
        return List.of(NAME, "Zephyrine", "Quillfeather", author.email(), ORG_UNIT, JOB_ROLE, COUNTRY_NAME);
    }

    /** Account-id shapes: JSON fields, links to a person, form fields and data attributes naming the author's id. */
    public List<Pattern> idTraces() {
        String id = String.valueOf(author.id());
        return List.of(
                Pattern.compile("\"(authorId|personId|author|askerId|creatorId|memberId|ownerId)\"\\s*:\\s*\"?" + id + "\\b"),
                Pattern.compile("/(people|persons|profile|admin/people)/" + id + "\\b"),
                Pattern.compile("(person|author|asker)(Id|_id|-id)?=\"?" + id + "\\b"),
                Pattern.compile("data-(person|author)(-id)?=\"" + id + "\""));
    }

    /** Fails, naming {@code where} and the trace, if the body carries anything that identifies the hidden author. */
    public void assertNoTrace(String where, String body) {
        for (String trace : traces()) {
            assertThat(body).as("%s names the hidden author (%s)", where, trace).doesNotContainIgnoringCase(trace);
        }
        for (Pattern pattern : idTraces()) {
            assertThat(pattern.matcher(body).find()).as("%s carries the hidden author's account id (%s)", where,
                    pattern.pattern()).isFalse();
        }
    }
}
