package org.incrowd.identity.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import org.incrowd.IncrowdApplication;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Chromium;
import org.incrowd.support.Fixtures;
import org.incrowd.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Incrowd nodes on one database, each on its own port, as behind a load balancer without sticky sessions (ADR
 * 53). A browser keeps one cookie for localhost whatever the port, so it moves between the nodes as it would between
 * the nodes behind one address: signed in on one, it is signed in on the other, through a restart of the first, and
 * signed out on both by one sign-out; a deactivated person is signed out at their next request on either node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsIntegrationTests {

    private final Map<String, Object> database = TestDatabase.freshShared();
    private Chromium chromium;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private Fixtures fixtures;

    @BeforeAll
    void start() {
        chromium = Chromium.shared();
        nodeA = node(0);
        nodeB = node(0);
        fixtures = Fixtures.of(nodeB); // node B lives throughout
    }

    @AfterAll
    void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aBrowserSignedInOnOneNodeIsSignedInOnTheOtherThroughARestartAndSignsOutOfBoth() {
        var mover = fixtures.person("Mover", Role.PARTICIPANT);
        try (var browser = chromium.personalBrowser()) {
            var page = Chromium.signIn(browser.newPage(), port(nodeA), mover.email(), Fixtures.PASSWORD);
            assertSignedIn(page, nodeA, mover);
            assertSignedIn(page, nodeB, mover);

            int portA = port(nodeA);
            nodeA.close();
            nodeA = node(portA);
            assertSignedIn(page, nodeA, mover);

            page.navigate(url(nodeB, "/profile"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(Pattern.compile(".*signedOut.*"));
            assertSignedOut(page, nodeA);
            assertSignedOut(page, nodeB);
        }
    }

    @Test
    void aDeactivatedPersonIsSignedOutAtTheirNextRequestOnEitherNode() {
        var leaver = fixtures.person("Leaver", Role.PARTICIPANT);
        var administrator = fixtures.person("Administrator", Role.ADMINISTRATOR);
        try (var browser = chromium.personalBrowser()) {
            var page = Chromium.signIn(browser.newPage(), port(nodeA), leaver.email(), Fixtures.PASSWORD);
            assertSignedIn(page, nodeB, leaver);

            nodeB.getBean(PeopleAdministration.class)
                    .setActive(fixtures.actor(administrator), leaver.id(), false, "Left the organisation");
            assertSignedOut(page, nodeA);
            assertSignedOut(page, nodeB);
        }
    }

    private static void assertSignedIn(Page page, ConfigurableApplicationContext node, Person person) {
        page.navigate(url(node, "/profile"));
        assertThat(page).hasURL(url(node, "/profile"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertThat(page.locator("nav")).containsText(person.displayName());
    }

    private static void assertSignedOut(Page page, ConfigurableApplicationContext node) {
        page.navigate(url(node, "/profile"));
        assertThat(page).hasURL(Pattern.compile(".*/signin.*"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
    }

    private ConfigurableApplicationContext node(int port) {
        var args = new ArrayList<String>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=" + port);
        args.add("--incrowd.data-dir=" + TestDatabase.freshDataFolder());
        return new SpringApplicationBuilder(IncrowdApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String url(ConfigurableApplicationContext node, String path) {
        return "http://localhost:" + port(node) + path;
    }
}
