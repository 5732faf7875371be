package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Actor;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.Jam;
import org.incrowd.shared.Refusal;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, over every page and every API endpoint: one table, rows are endpoints and columns are the kinds
 * of person. Denied calls must leave the data exactly as it was.
 *
 * <p>Lines starting with {@code #} are comments. Cells: a status code; {@code signin} = redirected to the sign-in page (guests on pages). A 302 must go to the
 * place named in {@link #REDIRECTS}. API calls are signed with the person's personal API token; page calls with a
 * real password sign-in and a CSRF token.
 *
 * <p>Path placeholders: {@code {jam}}, {@code {forum}}, {@code {idea}} are a live Jam, its forum and an idea in it;
 * {@code {membersIdea}} an idea written by the member; {@code {draftJam}} an unpublished Jam; {@code {secretJam}},
 * {@code {secretForum}}, {@code {secretIdea}} an invitation-only Jam that invites nobody; {@code {bystander}} a
 * participant who takes no part; {@code {othersToken}} the bystander's API token. Placeholders starting with
 * {@code new} are made afresh for each call (a Jam that is then live/closed/draft, a live Jam the bystander joined,
 * an idea, an idea the caller reacted to or marked helpful, a token of the caller's own), so one call's change never
 * decides another call's answer.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationIntegrationTests {

    /** Columns, in the order of the table. */
    enum Who { GUEST, OBSERVER, MEMBER, OUTSIDER, HOST, FACILITATOR, ORGANISER, ADMIN }

    private static final String MATRIX_PAGES_AND_API = """
            endpoint                                                 | guest  | observer | member | outsider | host | facilitator | organiser | admin
            ---------------------------------------------------------+--------+----------+--------+----------+------+-------------+-----------+------
            GET    /                                                 | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /signin                                           | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /signup                                           | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /setup                                            | 404    | 404      | 404    | 404      | 404  | 404         | 404       | 404
            POST   /setup                                            | 404    | 404      | 404    | 404      | 404  | 404         | 404       | 404
            # A form kept while the session had ended; with none kept, the page leads home.
            GET    /kept                                             | 302    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            POST   /signup (e-mail taken)                            | 302    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            POST   /signout                                          | 302    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /profile                                          | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /profile                                          | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            POST   /profile/tokens                                   | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /profile/tokens/{othersToken}/revoke              | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            GET    /admin/people                                     | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /admin/people/{bystander}/roles                   | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            # --- mail (reach) --- The tests name their own SMTP server, so the built-in one holds no message to read.
            GET    /admin/mail                                       | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            GET    /admin/mail/received/{unknownMessage}             | signin | 403      | 403    | 403      | 403  | 403         | 403       | 404
            GET    /admin/mail/received/{unknownMessage}/html        | signin | 403      | 403    | 403      | 403  | 403         | 403       | 404
            GET    /admin/audit                                      | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            GET    /admin/audit.csv                                  | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            GET    /api/v1/audit                                     | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /admin/people/{newPerson}/type                    | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            POST   /admin/people/{newPerson}/deactivate              | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            POST   /admin/people/{newDeactivatedPerson}/reactivate   | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            # Guests see the Jams opened to guests (none here: the Jams below are not, so guests are sent to sign in).
            GET    /jams                                             | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/new                                         | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /jams                                             | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /jams/{jam}                                       | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{draftJam}                                  | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{secretJam}                                 | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{jam}/sections/{jamSection}                 | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/sections/{jamSection}           | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{jam}/edit                                  | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/edit                            | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newDraftJam}                               | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newDraftJam}/publish                       | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newDraftJam}/open                          | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newLiveJam}/close                          | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newLiveJam}/guest-access                   | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newClosedJam}/community                    | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newClosedJam}/community (chosen forums)    | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /jams/{jam}/members                               | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/members                         | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newJoinedJam}/members/remove               | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newLiveJam}/forums                         | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /forums/{newForum}                                | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /forums/{newForum}/staff                          | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /forums/{newStaffedForum}/staff/{bystander}/HOST/remove | signin | 403 | 403    | 403      | 403  | 403         | 302       | 302
            # Invitations: organisers and administrators only; the link in the mail is its own permission.
            GET    /jams/{jam}/invitations                           | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/invitations                     | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newLiveJam}/invitations                    | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newLiveJam}/invitations/pasted             | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newLiveJam}/invitations/file (no file)     | signin | 403      | 403    | 403      | 403  | 403         | 422       | 422
            POST   /jams/{jam}/invitations/held/{unknownImport}      | signin | 403      | 403    | 403      | 403  | 403         | 409       | 409
            GET    /jams/{jam}/invitations/imports/{unknownImport}   | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            POST   /jams/{newLiveJam}/invitations/remind             | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{jam}/invitations/{newInvitation}/resend    | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{jam}/invitations/{newInvitation}/revoke    | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /invitations/{unknownImport}                      | 404    | 404      | 404    | 404      | 404  | 404         | 404       | 404
            POST   /invitations/{unknownImport}/accept               | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            POST   /invitations/{unknownImport}/account              | 404    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /jams/{jam}/join                                  | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /jams/{newLiveJam}/join                           | signin | 403      | 302    | 302      | 302  | 302         | 302       | 302
            POST   /jams/{secretJam}/join                            | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /forums/{forum}                                   | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /forums/{secretForum}                             | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /forums/{forum}/ideas                             | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /forums/{secretForum}/ideas                       | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /forums/{forum}/threads                           | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /forums/{secretForum}/threads                     | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /threads/{idea}                                   | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /threads/{secretIdea}                             | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /threads/{idea}/replies                           | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /threads/{secretIdea}/replies                     | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /posts/{idea}/replies                             | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /posts/{secretIdea}/replies                       | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            POST   /posts/{newIdea}/reaction                         | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /posts/{newIdea}/helpful                          | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            # Only the author may open the edit form.
            GET    /posts/{membersIdea}/edit                         | signin | 403      | 200    | 403      | 403  | 403         | 403       | 403
            POST   /posts/{membersIdea}/edit                         | signin | 403      | 302    | 403      | 403  | 403         | 403       | 403
            GET    /posts/{idea}                                     | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /posts/{secretIdea}                               | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /posts/{idea}/history                             | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{jam}/opinions                              | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/opinions                        | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /forums/{forum}/opinions                          | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /forums/{secretForum}/opinions                    | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # Reacting to the ideas the map offers next: the reaction rules of the discussion (each row its own kind).
            POST   /jams/{jam}/opinions/react                        | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /forums/{forum}/opinions/react                    | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /jams/{jam}/opinions/recompute                    | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{secretJam}/opinions/recompute              | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            # --- Jam Pulse (themes) ---
            # Readers of the Jam see its pulse; only organisers and named analysts refine it. The Matrix Jam's themes
            # are never those the calls name, so an allowed refinement ends in 404 "no such theme": rights come first.
            GET    /jams/{jam}/pulse                                 | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/pulse                           | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /forums/{forum}/pulse                             | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /forums/{secretForum}/pulse                       | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{jam}/pulse/recompute                       | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{secretJam}/pulse/recompute                 | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            POST   /jams/{jam}/pulse/rename                          | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            POST   /jams/{secretJam}/pulse/rename                    | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            POST   /jams/{jam}/pulse/merge                           | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            POST   /jams/{jam}/pulse/split                           | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            POST   /jams/{jam}/pulse/pin                             | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            POST   /jams/{jam}/pulse/hide                            | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            POST   /jams/{jam}/pulse/move                            | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            POST   /jams/{jam}/pulse/analysts                        | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{secretJam}/pulse/analysts                  | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            # The bystander is never named an analyst, so removing them is refused as unknown once the rights allow.
            POST   /jams/{jam}/pulse/analysts/{bystander}/remove     | signin | 403      | 403    | 403      | 403  | 403         | 404       | 404
            # Live streams: the same readers as the Jam's pages (a guest is sent to sign in like on any page).
            GET    /live/jams/{jam}                                  | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /live/jams/{secretJam}                            | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /forums/{forum}/import/polis                      | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /forums/{secretForum}/import/polis                | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # Without files the organiser's upload is refused as incomplete: the rights are checked first.
            POST   /forums/{forum}/import/polis                      | signin | 403      | 403    | 403      | 403  | 403         | 422       | 422
            POST   /forums/{secretForum}/import/polis                | signin | 404      | 404    | 404      | 404  | 404         | 422       | 422
            GET    /forums/{forum}/import/polis/{unknownImport}      | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            GET    /posts/{secretIdea}/history                       | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- facilitation: participants flag; the forum's hosts and facilitators (and organisers) moderate ---
            GET    /posts/{idea}/flag                                | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /posts/{secretIdea}/flag                          | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /posts/{newIdea}/flag                             | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /posts/{secretIdea}/flag                          | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /posts/{idea}/moderate                            | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /posts/{secretIdea}/moderate                      | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /posts/{newIdea}/hide                             | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /posts/{newHiddenIdea}/restore                    | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            # Without open flags there is nothing to keep: the rights are checked first.
            POST   /posts/{newIdea}/keep                             | signin | 403      | 403    | 403      | 409  | 409         | 409       | 409
            POST   /posts/{newIdea}/pin                              | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /posts/{newIdea}/spotlight                        | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            # Moving needs the right to facilitate both forums: the forum's own staff do not serve the second one.
            POST   /posts/{newIdea}/move                             | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /forums/{forum}/console                           | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /forums/{secretForum}/console                     | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /forums/{forum}/announcements                     | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /forums/{secretForum}/announcements               | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            POST   /forums/{forum}/guests                            | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /forums/{forum}/notes                             | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            GET    /jams/{jam}/console                               | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/console                         | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{jam}/announcements                         | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            # A forum's announcement is corrected and withdrawn by whoever may announce there; every reader dismisses.
            POST   /announcements/{newForumAnnouncement}             | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /announcements/{newForumAnnouncement}/withdraw    | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /announcements/{newForumAnnouncement}/dismiss     | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            # --- webhooks: organisers manage a Jam's webhooks; readers of the Jam are refused, others do not see it ---
            GET    /jams/{jam}/webhooks                              | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/webhooks                        | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newLiveJam}/webhooks                       | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{jam}/webhooks/{webhook}                    | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /jams/{newWebhookJam}/webhooks/{newWebhook}/enabled | signin | 403  | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newWebhookJam}/webhooks/{newWebhook}/delete | signin | 403   | 403    | 403      | 403  | 403         | 302       | 302
            # Guests on the API get 401 whatever the method (not 403 "CSRF token missing", which would send a script
            # author looking in the wrong place).
            GET    /api/v1/me                                        | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            PATCH  /api/v1/me                                        | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/me/tokens                                 | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            # A token cannot make tokens (one that leaked would outlive its revocation): the profile page makes them.
            POST   /api/v1/me/tokens                                 | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            DELETE /api/v1/me/tokens/{myNewToken}                    | 401    | 204      | 204    | 204      | 204  | 204         | 204       | 204
            DELETE /api/v1/me/tokens/{othersToken}                   | 401    | 404      | 404    | 404      | 404  | 404         | 404       | 404
            GET    /api/v1/jams                                      | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /api/v1/jams                                      | 401    | 403      | 403    | 403      | 403  | 403         | 201       | 201
            GET    /api/v1/jams/{jam}                                | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{draftJam}                           | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/jams/{secretJam}                          | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            PUT    /api/v1/jams/{newDraftJam}                        | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{newDraftJam}/publish                | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{newDraftJam}/open                   | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{newLiveJam}/close                   | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{newClosedJam}/community             | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{newLiveJam}/join                    | 401    | 403      | 204    | 204      | 204  | 204         | 204       | 204
            POST   /api/v1/jams/{secretJam}/join                     | 401    | 404      | 404    | 404      | 404  | 404         | 204       | 204
            GET    /api/v1/jams/{jam}/forums                         | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/forums                   | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /api/v1/jams/{newLiveJam}/forums                  | 401    | 403      | 403    | 403      | 403  | 403         | 201       | 201
            GET    /api/v1/jams/{jam}/activity                       | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/activity                 | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            PUT    /api/v1/forums/{newForum}                         | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /api/v1/forums/{forum}                            | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/forums/{secretForum}                      | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/forums/{forum}/threads                    | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/forums/{secretForum}/threads              | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /api/v1/forums/{forum}/threads                    | 401    | 403      | 201    | 403      | 201  | 201         | 201       | 201
            POST   /api/v1/forums/{secretForum}/threads              | 401    | 404      | 404    | 404      | 404  | 404         | 201       | 201
            GET    /api/v1/threads/{idea}                            | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/threads/{secretIdea}                      | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/posts/{idea}                              | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/posts/{secretIdea}                        | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /api/v1/posts/{idea}/replies                      | 401    | 403      | 201    | 403      | 201  | 201         | 201       | 201
            POST   /api/v1/posts/{secretIdea}/replies                | 401    | 404      | 404    | 404      | 404  | 404         | 201       | 201
            PATCH  /api/v1/posts/{membersIdea}                       | 401    | 403      | 200    | 403      | 403  | 403         | 403       | 403
            GET    /api/v1/posts/{idea}/history                      | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/posts/{secretIdea}/history                | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            PUT    /api/v1/posts/{newIdea}/reaction                  | 401    | 403      | 200    | 403      | 200  | 200         | 200       | 200
            DELETE /api/v1/posts/{newIdeaIReactedTo}/reaction        | 401    | 403      | 200    | 403      | 200  | 200         | 200       | 200
            POST   /api/v1/posts/{newIdea}/helpful                   | 401    | 403      | 200    | 403      | 200  | 200         | 200       | 200
            DELETE /api/v1/posts/{newIdeaIMarkedHelpful}/helpful     | 401    | 403      | 200    | 403      | 200  | 200         | 200       | 200
            PUT    /api/v1/posts/{secretIdea}/reaction               | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/jams/{jam}/opinions                       | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/opinions                 | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/jams/{jam}/opinions/points                | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/opinions/points          | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/forums/{forum}/opinions                   | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/forums/{secretForum}/opinions             | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/forums/{forum}/opinions/points            | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/forums/{secretForum}/opinions/points      | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- participation --- organisers and the Jam's hosts and facilitators (they reach out to quiet groups).
            GET    /jams/{jam}/participation                         | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/participation                   | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{jam}/participation.csv                     | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/participation.csv               | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- likely duplicates (search) --- organisers and the Jam's hosts and facilitators, who ask authors to join.
            GET    /jams/{jam}/duplicates                            | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/duplicates                      | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/jams/{jam}/duplicates                     | 401    | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/duplicates               | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- open data --- organisers until they publish it (nothing is published here: 404 for the others).
            GET    /jams/{jam}/open-data                             | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{secretJam}/open-data                       | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{jam}/open-data.zip                         | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{secretJam}/open-data.zip                   | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{jam}/open-data/publication                 | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{secretJam}/open-data/publication           | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /api/v1/jams/{jam}/open-data                      | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/jams/{secretJam}/open-data                | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/jams/{jam}/open-data/publication          | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/open-data/publication    | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            PUT    /api/v1/jams/{jam}/open-data/publication          | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            PUT    /api/v1/jams/{secretJam}/open-data/publication    | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- Jam Pulse (themes) ---
            GET    /api/v1/jams/{jam}/themes                         | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/themes                   | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/forums/{forum}/themes                     | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/forums/{secretForum}/themes               | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- search --- Results come only from Jams the reader may see; similar ideas only for a visible forum.
            GET    /search                                           | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /search/similar (in a forum)                      | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /search/similar (in a secret forum)               | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/search                                    | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/search/similar (in a forum)               | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/search/similar (in a secret forum)        | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- follow, mute, mentions (reach) --- Whoever may read a thread or forum follows or mutes it; the
            # names to mention go only to the Jam's members, its hosts and facilitators, and organisers.
            GET    /threads/{idea}/follow                            | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /threads/{secretIdea}/follow                      | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /threads/{idea}/follow                            | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            POST   /threads/{secretIdea}/follow                      | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /forums/{forum}/follow                            | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /forums/{secretForum}/follow                      | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /forums/{forum}/follow                            | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            POST   /forums/{secretForum}/follow                      | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /jams/{jam}/mentions                              | signin | 403      | 200    | 403      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/mentions                        | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            """;

    private static final String MATRIX_CONTINUED = """
            # --- verified addresses, password reset, sign-up types (reach) --- Mailed links work signed in or not; an
            # unknown link is gone (410), a new password for it a conflict (409). Asking for a link answers alike.
            GET    /verify/{unknownLink}                             | 410    | 410      | 410    | 410      | 410  | 410         | 410       | 410
            POST   /verify/{unknownLink}/renew                       | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /verified                                         | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /verify/resend                                    | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /reset                                            | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /reset                                            | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /reset/{unknownLink}                              | 410    | 410      | 410    | 410      | 410  | 410         | 410       | 410
            POST   /reset/{unknownLink}                              | 409    | 409      | 409    | 409      | 409  | 409         | 409       | 409
            POST   /profile/email                                    | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /admin/sign-up                                    | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /admin/sign-up                                    | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            GET    /admin/retention                                  | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /admin/retention                                  | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            POST   /admin/retention/run                              | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            GET    /api/v1/retention                                 | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 200
            PUT    /api/v1/retention                                 | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /api/v1/retention/runs                            | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 201
            # --- notifications (reach) --- Everyone sees only their own; another's notification is "not found".
            GET    /notifications                                    | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /notifications/bell                               | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /notifications/{othersNotification}/open          | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            POST   /notifications/{othersNotification}/read          | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            POST   /notifications/read-all                           | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /notifications/preferences                        | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /notifications/preferences                        | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            # Unsubscribe links work without an account or CSRF token (RFC 8058): the token alone decides.
            GET    /unsubscribe/{bystandersUnsubscribe}              | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /unsubscribe/{bystandersUnsubscribe}              | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /unsubscribe/{forgedUnsubscribe}                  | 404    | 404      | 404    | 404      | 404  | 404         | 404       | 404
            POST   /unsubscribe/{forgedUnsubscribe}                  | 404    | 404      | 404    | 404      | 404  | 404         | 404       | 404
            # --- decisions (close the loop) --- Organisers (and the reviewers they assign) decide and configure the
            # stages; whoever may read an idea reads what happened to it.
            GET    /jams/{jam}/review/stages                         | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /jams/{newLiveJam}/review/stages                  | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /ideas/{idea}/decision                            | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /ideas/{newIdea}/decision                         | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /api/v1/jams/{jam}/review/stages                  | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            PUT    /api/v1/jams/{newLiveJam}/review/stages           | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{jam}/review/decisions               | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /api/v1/ideas/{idea}/review                       | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            # --- report (close the loop) --- Readers of the Jam read a published report (page, PDF, Markdown, API);
            # a draft is the organisers' own: "not found" for everyone else. Only organisers write and publish.
            GET    /jams/{newReportJam}/report                       | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{newReportJam}/report.pdf                   | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{newReportJam}/report.md                    | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{newDraftReportJam}/report                  | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{newDraftReportJam}/report.pdf              | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{newDraftReportJam}/report.md               | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{secretJam}/report                          | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            GET    /jams/{newDraftReportJam}/report/edit             | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/report/edit                     | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newDraftReportJam}/report                  | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /api/v1/jams/{newReportJam}/report                | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{newDraftReportJam}/report           | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            PUT    /api/v1/jams/{newDraftReportJam}/report           | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{newDraftReportJam}/report/publish   | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{secretJam}/report/publish           | 401    | 404      | 404    | 404      | 404  | 404         | 422       | 422
            # --- review queue, reviewers and scorecards (close the loop) --- Organisers review every idea; assigned
            # reviewers (none among these people) their own; everyone else is refused. Rows run in order: the scorecard
            # is defined before ideas are scored.
            GET    /jams/{jam}/review                                | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/review                          | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{jam}/review/bulk (nothing chosen)          | signin | 403      | 403    | 403      | 403  | 403         | 422       | 422
            POST   /jams/{jam}/review/views                          | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /jams/{jam}/review/scorecard                      | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /jams/{jam}/review/scorecard                      | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /jams/{jam}/review/scores/{idea}                  | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /jams/{jam}/review/scores/{idea}                  | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /jams/{jam}/review/reviewers                      | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /jams/{jam}/review/reviewers                      | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{jam}/review/reviewers/{unknownAssignment}/remove | signin | 403 | 403   | 403      | 403  | 403         | 404       | 404
            GET    /api/v1/jams/{jam}/review/queue                   | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /api/v1/jams/{secretJam}/review/queue             | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /api/v1/jams/{jam}/review/scorecard               | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            PUT    /api/v1/jams/{jam}/review/scorecard               | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /api/v1/jams/{jam}/review/scores/{idea}           | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{jam}/review/scores/{idea}           | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /api/v1/jams/{jam}/review/reviewers               | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            PUT    /api/v1/jams/{jam}/review/reviewers               | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{jam}/review/bulk (nothing chosen)   | 401    | 403      | 403    | 403      | 403  | 403         | 422       | 422
            GET    /api/v1/jams/{jam}/review/views                   | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/jams/{jam}/review/views                   | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            # --- duplicates joined with consent (close the loop) --- Organisers and the forum's hosts and facilitators
            # propose and undo; only the two authors (here the member) answer; whoever sees the Jam reads a proposal.
            GET    /ideas/{idea}/join                                | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /ideas/{secretIdea}/join                          | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /ideas/{newJoinPair}/join                         | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            GET    /joins/{newJoin}                                  | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /joins/{newJoin}/consent                          | signin | 403      | 302    | 403      | 403  | 403         | 403       | 403
            POST   /joins/{newDoneJoin}/undo                         | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /api/v1/jams/{newJoinJam}/joins                   | 401    | 403      | 403    | 403      | 201  | 201         | 201       | 201
            GET    /api/v1/joins/{newJoin}                           | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /api/v1/joins/{newJoin}/consent                   | 401    | 403      | 200    | 403      | 403  | 403         | 403       | 403
            POST   /api/v1/joins/{newDoneJoin}/undo                  | 401    | 403      | 403    | 403      | 200  | 200         | 200       | 200
            # --- answers per theme, what waits, listening figures (close the loop) ---
            # Readers of the Jam read answers; participants rate them; only organisers answer, edit and see what waits.
            # The Matrix Jam has no computed themes, so an allowed answer is refused as naming no theme (422).
            GET    /jams/{jam}/review/answers                        | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/review/answers                  | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{jam}/review/answers                        | signin | 403      | 403    | 403      | 403  | 403         | 422       | 422
            POST   /jams/{jam}/review/answers/{answer}/edit          | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{jam}/review/answers/{answer}/rating        | signin | 403      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /jams/{jam}/review/waiting                        | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/review/waiting                  | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # Listening figures are the organisers' until they make them public (a fresh Jam each call).
            GET    /jams/{jam}/review/listening                      | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /jams/{secretJam}/review/listening                | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newLiveJam}/review/listening               | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /api/v1/jams/{jam}/answers                        | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/answers                  | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /api/v1/jams/{jam}/answers                        | 401    | 403      | 403    | 403      | 403  | 403         | 422       | 422
            PUT    /api/v1/answers/{answer}                          | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /api/v1/answers/{answer}/rating                   | 401    | 403      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{jam}/listening                      | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /api/v1/jams/{secretJam}/listening                | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- proxy ideas, idea teams, adopted build-ons (front line and givers) --- Whoever may post in a forum
            # enters ideas for others there; only the entrant (here the facilitator) reads the slip; any signed-in person claims with a code.
            # Whoever may post joins a team; only the author takes people off it; the author and team adopt build-ons.
            GET    /forums/{forum}/proxy                             | signin | 403      | 200    | 403      | 200  | 200         | 200       | 200
            GET    /forums/{secretForum}/proxy                       | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /forums/{forum}/proxy (no consent)                | signin | 403      | 422    | 403      | 422  | 422         | 422       | 422
            POST   /forums/{secretForum}/proxy (no consent)          | signin | 404      | 404    | 404      | 404  | 404         | 422       | 422
            GET    /ideas/{newFacilitatorsProxyIdea}/slip            | signin | 403      | 403    | 403      | 403  | 200         | 403       | 403
            GET    /claim                                            | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /claim (wrong code)                               | signin | 422      | 422    | 422      | 422  | 422         | 422       | 422
            POST   /ideas/{newIdea}/team                             | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /ideas/{secretIdea}/team                          | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            POST   /ideas/{newIdea}/team/leave                       | signin | 409      | 409    | 409      | 409  | 409         | 409       | 409
            POST   /ideas/{newIdea}/team/{bystander}/remove          | signin | 403      | 403    | 403      | 403  | 403         | 403       | 403
            POST   /posts/{newBuildOnOfMembersIdea}/adopt            | signin | 403      | 302    | 403      | 403  | 403         | 403       | 403
            POST   /posts/{newBuildOnOfMembersIdea}/adopt/undo       | signin | 403      | 409    | 403      | 403  | 403         | 403       | 403
            PUT    /api/v1/ideas/{newIdea}/team                      | 401    | 403      | 200    | 403      | 200  | 200         | 200       | 200
            DELETE /api/v1/ideas/{newIdea}/team                      | 401    | 409      | 409    | 409      | 409  | 409         | 409       | 409
            DELETE /api/v1/ideas/{newIdea}/team/{bystander}          | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            PUT    /api/v1/posts/{newBuildOnOfMembersIdea}/adoption  | 401    | 403      | 200    | 403      | 403  | 403         | 403       | 403
            DELETE /api/v1/posts/{newBuildOnOfMembersIdea}/adoption  | 401    | 403      | 409    | 403      | 403  | 403         | 403       | 403
            # --- short links, QR codes, posters, plain language (front line and givers) ---
            # The Jam's organisers and staff make, print and withdraw short links; anyone follows one (withdrawn: 410).
            GET    /jams/{jam}/links                                 | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/links                           | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{jam}/links                                 | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /jams/{jam}/links/{newShortLink}/revoke           | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            GET    /jams/{jam}/links/{shortLink}/poster              | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /jams/{jam}/links/{shortLink}/poster.pdf          | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /s/{shortLink}                                    | 302    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /s/{shortLink}/qr.svg                             | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /s/{revokedShortLink}                             | 410    | 410      | 410    | 410      | 410  | 410         | 410       | 410
            GET    /s/{revokedShortLink}/qr.svg                      | 410    | 410      | 410    | 410      | 410  | 410         | 410       | 410
            POST   /jams/{newLiveJam}/plain-language                 | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            # --- identity modes (safe to speak) --- Organisers choose how authors appear, for the Jam and per forum.
            POST   /jams/{newLiveJam}/identity-mode                  | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /forums/{newForum}/identity-mode                  | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /api/v1/jams/{jam}/identity-mode                  | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            PUT    /api/v1/jams/{newLiveJam}/identity-mode           | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            GET    /api/v1/forums/{forum}/identity-mode              | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            PUT    /api/v1/forums/{newForum}/identity-mode           | 401    | 403      | 403    | 403      | 403  | 403         | 200       | 200
            # --- recognition (front line and givers) --- Readers of a Jam read its givers and the rules; everyone signed
            # in reads and sets their own; organisers switch, recompute and award a challenge's prize (the matrix Jam is
            # no challenge: an allowed award there is a conflict, and one naming nobody in a challenge is refused, 422).
            GET    /jams/{jam}/givers                                | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/givers                          | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /jams/{jam}/givers/rules                          | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/givers/rules                    | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newLiveJam}/givers/switches                | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{newLiveJam}/givers/recompute               | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /jams/{jam}/givers/prizes                         | signin | 403      | 403    | 403      | 403  | 403         | 409       | 409
            POST   /jams/{newChallenge}/givers/prizes (naming nobody) | signin | 403     | 403    | 403      | 403  | 403         | 422       | 422
            GET    /profile/recognition                              | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /profile/recognition                              | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /api/v1/jams/{jam}/givers                         | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/jams/{secretJam}/givers                   | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            # --- help stream: asking, answering, solutions (front line and givers) --- Readers of the stream read it;
            # anyone asks (guests confirm by mail); employees, staff and organisers answer; only the asker (the member)
            # marks the solution.
            GET    /help/{helpStream}                                | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /help/{helpStream}/topics/{helpTopic}             | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /help/{helpStream}/name                           | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            GET    /help/{helpStream}/ask                            | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /help/{helpStream}/ask                            | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /help/{helpStream}/ask/mail                       | 302    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /help/{helpStream}/asked                          | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /help/confirm/{unknownLink}                       | 404    | 404      | 404    | 404      | 404  | 404         | 404       | 404
            GET    /help/answered/{unknownLink}                      | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            GET    /help/questions/{helpQuestion}                    | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /help/questions/{helpQuestion}/answers            | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            POST   /help/questions/{helpQuestion}/solution           | signin | 403      | 302    | 403      | 403  | 403         | 403       | 403
            GET    /api/v1/help/{helpStream}/questions               | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /api/v1/help/{helpStream}/questions/{helpQuestion}/solution | 401 | 403 | 200   | 403      | 403  | 403         | 403       | 403
            # --- kiosk (front line and givers) --- Organisers and the Jam's hosts and facilitators set up kiosks and
            # codes. The kiosk's own URLs answer only a device enrolled as a kiosk (none here): refused alike for all.
            GET    /jams/{jam}/kiosks                                | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            GET    /jams/{secretJam}/kiosks                          | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /jams/{newLiveJam}/kiosks                         | signin | 403      | 403    | 403      | 403  | 403         | 200       | 200
            POST   /jams/{jam}/kiosks/{unknownImport}/revoke         | signin | 403      | 403    | 403      | 404  | 404         | 404       | 404
            POST   /jams/{jam}/kiosks/codes (no lines)               | signin | 403      | 403    | 403      | 422  | 422         | 422       | 422
            POST   /jams/{jam}/kiosks/codes/{unknownImport}/revoke   | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            GET    /kiosk                                            | 302    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /kiosk/screen                                     | 403    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            GET    /kiosk/enrol/{unknownImport}                      | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /kiosk/enrol/{unknownImport}                      | 410    | 410      | 410    | 410      | 410  | 410         | 410       | 410
            POST   /kiosk/signin                                     | 403    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            POST   /kiosk/ideas                                      | 403    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            POST   /kiosk/reactions                                  | 403    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            POST   /kiosk/signout                                    | 302    | 302      | 302    | 302      | 302  | 302         | 302       | 302
            GET    /kiosk/alive                                      | 403    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            POST   /kiosk/acts                                       | 403    | 403      | 403    | 403      | 403  | 403         | 403       | 403
            # --- help routing, hand-overs, embedding --- {helpRoute}: a help stream open to guests (member joined, host and
            # facilitator staff its topic); {secretHelpRoute}: one that invites nobody; questions asked by the bystander.
            GET    /help/{helpRoute}/expertise                       | signin | 403      | 200    | 403      | 200  | 200         | 200       | 200
            POST   /help/{helpRoute}/expertise                       | signin | 403      | 302    | 403      | 302  | 302         | 302       | 302
            GET    /help/{secretHelpRoute}/expertise                 | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /help/{helpRoute}/experts                         | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            POST   /help/{helpRoute}/experts/general                 | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            POST   /help/{helpRoute}/embed/origins                   | signin | 403      | 403    | 403      | 403  | 403         | 302       | 302
            POST   /help/{secretHelpRoute}/embed/origins             | signin | 404      | 404    | 404      | 404  | 404         | 302       | 302
            GET    /help/{helpRoute}/embed                           | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /help/{secretHelpRoute}/embed                     | 404    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /help/{helpRoute}/feed.atom                       | 200    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /help/{secretHelpRoute}/feed.atom                 | 404    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /help/questions/{helpRouteQuestion}/hand-over     | signin | 403      | 403    | 403      | 200  | 200         | 200       | 200
            POST   /help/questions/{newHelpRouteQuestion}/hand-over  | signin | 403      | 403    | 403      | 302  | 302         | 302       | 302
            # --- terms (safe to speak) --- {termsJam}: the live Jam's terms ("jam-<id>"); {newTermsJam}: a fresh live Jam
            # with terms ({termsVersion}: its version 1); {secretJamTerms}: the invitation-only Jam's. Read by those who see the Jam; accepted
            # by anyone signed in; the organisation's terms edited by administrators only (an empty text is refused).
            GET    /terms/{termsJam}                                 | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /terms/{secretJamTerms}                           | signin | 404      | 404    | 404      | 404  | 404         | 200       | 200
            GET    /terms/{newTermsJam}/{termsVersion}               | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /terms/{newTermsJam}/{termsVersion}/acceptance    | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /terms/{newTermsJam}/{termsVersion}/acceptance    | signin | 302      | 302    | 302      | 302  | 302         | 302       | 302
            POST   /terms/{secretJamTerms}/{termsVersion}/acceptance | signin | 404      | 404    | 404      | 404  | 404         | 404       | 404
            GET    /admin/terms                                      | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /admin/terms (empty text)                         | signin | 403      | 403    | 403      | 403  | 403         | 403       | 422
            GET    /profile/terms                                    | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/terms/{termsJam}                          | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /api/v1/terms/{secretJamTerms}                    | 401    | 404      | 404    | 404      | 404  | 404         | 200       | 200
            POST   /api/v1/terms/{newTermsJam}/{termsVersion}/acceptance | 401    | 201      | 201    | 201      | 201  | 201         | 201       | 201
            GET    /api/v1/profile/terms                             | 401    | 200      | 200    | 200      | 200  | 200         | 200       | 200
            # --- my data: each signed-in person reads their own data and may delete their own account (a wrong
            # password here, so the matrix's people stay); administrators choose what happens to deleted accounts' posts.
            GET    /profile/data.json                                | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /profile/data.html                                | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            GET    /profile/delete                                   | signin | 200      | 200    | 200      | 200  | 200         | 200       | 200
            POST   /profile/delete (wrong password)                  | signin | 422      | 422    | 422      | 422  | 422         | 422       | 422
            GET    /admin/privacy/deletion                           | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /admin/privacy/deletion                           | signin | 403      | 403    | 403      | 403  | 403         | 403       | 302
            # --- reveals (safe to speak) --- Administrators only. {idea} names its author, so asking to reveal it is refused
            # (409); {unknownReveal} is no request.
            GET    /admin/reveals                                    | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            GET    /admin/reveals/new                                | signin | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /admin/reveals                                    | signin | 403      | 403    | 403      | 403  | 403         | 403       | 409
            GET    /admin/reveals/{unknownReveal}                    | signin | 403      | 403    | 403      | 403  | 403         | 403       | 404
            POST   /admin/reveals/{unknownReveal}/approve            | signin | 403      | 403    | 403      | 403  | 403         | 403       | 404
            POST   /admin/reveals/{unknownReveal}/decline            | signin | 403      | 403    | 403      | 403  | 403         | 403       | 404
            GET    /api/v1/reveals                                   | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 200
            POST   /api/v1/reveals                                   | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 409
            GET    /api/v1/reveals/{unknownReveal}                   | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 404
            POST   /api/v1/reveals/{unknownReveal}/approve           | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 404
            POST   /api/v1/reveals/{unknownReveal}/decline           | 401    | 403      | 403    | 403      | 403  | 403         | 403       | 404
            """;

    /** The table, in two parts: one Java string constant holds at most 65,535 bytes. */
    static final String MATRIX = String.join("", MATRIX_PAGES_AND_API, MATRIX_CONTINUED);

    /** Where an allowed 302 must lead: placeholders as in the paths, {@code *} for any id. */
    static final Map<String, String> REDIRECTS = Map.ofEntries(
            Map.entry("POST /admin/privacy/deletion", "/admin/privacy/deletion?saved"),
            Map.entry("POST /signout", "/?signedOut"),
            Map.entry("POST /jams/{jam}/links", "/jams/{jam}/links?created#link-*"),
            Map.entry("POST /jams/{jam}/links/{newShortLink}/revoke", "/jams/{jam}/links?revoked"),
            Map.entry("GET /s/{shortLink}", "/jams/{jam}"),
            Map.entry("POST /jams/{newLiveJam}/plain-language", "/jams/{newLiveJam}/edit?plainLanguageSaved#plain-language"),
            Map.entry("POST /jams/{newLiveJam}/identity-mode", "/jams/{newLiveJam}/edit?identityModeSaved#identity-mode"),
            Map.entry("POST /forums/{newForum}/identity-mode", "/jams/*/edit?identityModeSaved#forum-*-identity"),
            Map.entry("POST /jams/{newLiveJam}/givers/switches", "/jams/{newLiveJam}/givers#switches"),
            Map.entry("POST /jams/{newLiveJam}/givers/recompute", "/jams/{newLiveJam}/givers"),
            Map.entry("POST /profile/recognition", "/profile/recognition"),
            Map.entry("POST /help/{helpStream}/name", "/help/{helpStream}?named"),
            Map.entry("POST /help/{helpStream}/ask", "/help/questions/*"),
            Map.entry("POST /help/{helpStream}/ask/mail", "/help/{helpStream}/asked"),
            Map.entry("POST /help/questions/{helpQuestion}/answers", "/help/questions/{helpQuestion}#post-*"),
            Map.entry("POST /help/questions/{helpQuestion}/solution", "/help/questions/{helpQuestion}#post-*"),
            Map.entry("GET /kiosk", "/kiosk/screen"),
            Map.entry("POST /kiosk/signout", "/kiosk/screen"),
            Map.entry("POST /jams/{jam}/kiosks/codes/{unknownImport}/revoke", "/jams/{jam}/kiosks?done=codeRevoked"),
            Map.entry("POST /help/{helpRoute}/expertise", "/help/{helpRoute}/expertise?saved"),
            Map.entry("POST /help/{helpRoute}/experts/general", "/help/{helpRoute}/experts?done=saved"),
            Map.entry("POST /help/{helpRoute}/embed/origins", "/help/{helpRoute}/experts?done=saved"),
            Map.entry("POST /help/{secretHelpRoute}/embed/origins", "/help/{secretHelpRoute}/experts?done=saved"),
            Map.entry("POST /help/questions/{newHelpRouteQuestion}/hand-over",
                    "/threads/{newHelpRouteQuestion}#post-{newHelpRouteQuestion}"),
            Map.entry("POST /jams/{jam}/review/answers/{answer}/edit", "/jams/{jam}/review/answers#answer-{answer}"),
            Map.entry("POST /jams/{jam}/review/answers/{answer}/rating", "/jams/{jam}/review/answers#answer-{answer}"),
            Map.entry("POST /jams/{newLiveJam}/review/listening", "/jams/{newLiveJam}/review/listening"),
            Map.entry("POST /signup (e-mail taken)", "/signin?registered"),
            Map.entry("GET /kept", "/"),
            Map.entry("POST /jams/{jam}/opinions/recompute", "/jams/{jam}/opinions"),
            Map.entry("POST /jams/{secretJam}/opinions/recompute", "/jams/{secretJam}/opinions"),
            Map.entry("POST /jams/{jam}/open-data/publication", "/jams/{jam}/open-data"),
            Map.entry("POST /jams/{secretJam}/open-data/publication", "/jams/{secretJam}/open-data"),
            Map.entry("POST /jams/{jam}/opinions/react", "/jams/{jam}/opinions?reacted=true#next-statements"),
            Map.entry("POST /forums/{forum}/opinions/react", "/forums/{forum}/opinions?reacted=true#next-statements"),
            Map.entry("POST /jams/{jam}/pulse/recompute", "/jams/{jam}/pulse"),
            Map.entry("POST /jams/{secretJam}/pulse/recompute", "/jams/{secretJam}/pulse"),
            Map.entry("POST /jams/{jam}/pulse/analysts", "/jams/{jam}/pulse#analysts"),
            Map.entry("POST /jams/{secretJam}/pulse/analysts", "/jams/{secretJam}/pulse#analysts"),
            Map.entry("POST /profile", "/profile?saved"),
            Map.entry("POST /profile/email", "/profile?emailRequested"),
            Map.entry("POST /admin/sign-up", "/admin/sign-up?saved"),
            Map.entry("POST /admin/retention", "/admin/retention?saved"),
            Map.entry("POST /admin/retention/run", "/admin/retention?ran"),
            Map.entry("POST /terms/{newTermsJam}/{termsVersion}/acceptance", "/terms/{newTermsJam}?accepted"),
            Map.entry("POST /admin/people/{bystander}/roles", "/admin/people?done=saved"),
            Map.entry("POST /admin/people/{newPerson}/type", "/admin/people?done=typeChanged"),
            Map.entry("POST /admin/people/{newPerson}/deactivate", "/admin/people?done=deactivated"),
            Map.entry("POST /admin/people/{newDeactivatedPerson}/reactivate", "/admin/people?done=reactivated"),
            Map.entry("POST /jams/{newWebhookJam}/webhooks/{newWebhook}/enabled", "/jams/{newWebhookJam}/webhooks?done=paused"),
            Map.entry("POST /jams/{newWebhookJam}/webhooks/{newWebhook}/delete", "/jams/{newWebhookJam}/webhooks?done=deleted"),
            Map.entry("POST /jams", "/jams/*/edit?created"),
            Map.entry("POST /jams/{newDraftJam}", "/jams/{newDraftJam}/edit?saved"),
            Map.entry("POST /jams/{newDraftJam}/publish", "/jams/{newDraftJam}"),
            Map.entry("POST /jams/{newDraftJam}/open", "/jams/{newDraftJam}"),
            Map.entry("POST /jams/{newLiveJam}/close", "/jams/{newLiveJam}"),
            Map.entry("POST /jams/{newLiveJam}/guest-access", "/jams/{newLiveJam}?closedToGuests"),
            Map.entry("POST /jams/{newClosedJam}/community", "/jams/{newClosedJam}"),
            Map.entry("POST /jams/{newClosedJam}/community (chosen forums)", "/jams/{newClosedJam}"),
            Map.entry("POST /jams/{newJoinedJam}/members/remove", "/jams/{newJoinedJam}/members?removed"),
            Map.entry("POST /jams/{newLiveJam}/forums", "/jams/{newLiveJam}/edit?forumAdded"),
            Map.entry("POST /forums/{newForum}", "/jams/*/edit?forumSaved"),
            Map.entry("POST /forums/{newForum}/staff", "/jams/*/edit?staffAdded"),
            Map.entry("POST /forums/{newStaffedForum}/staff/{bystander}/HOST/remove", "/jams/*/edit"),
            Map.entry("POST /jams/{newLiveJam}/join", "/jams/{newLiveJam}?joined"),
            Map.entry("POST /jams/{newLiveJam}/invitations", "/jams/{newLiveJam}/invitations?done=invited"),
            Map.entry("POST /jams/{newLiveJam}/invitations/pasted", "/jams/{newLiveJam}/invitations?done=pasted&count=1"),
            Map.entry("POST /jams/{newLiveJam}/invitations/remind", "/jams/{newLiveJam}/invitations?done=reminded&count=0"),
            Map.entry("POST /jams/{jam}/invitations/{newInvitation}/resend", "/jams/{jam}/invitations?done=resent"),
            Map.entry("POST /jams/{jam}/invitations/{newInvitation}/revoke", "/jams/{jam}/invitations?done=revoked"),
            Map.entry("POST /invitations/{unknownImport}/account", "/invitations/{unknownImport}"),
            Map.entry("POST /jams/{secretJam}/join", "/jams/{secretJam}?joined"),
            Map.entry("POST /forums/{forum}/threads", "/threads/*"),
            Map.entry("POST /forums/{secretForum}/threads", "/threads/*"),
            Map.entry("POST /posts/{idea}/replies", "/threads/{idea}?page=*#post-*"),
            Map.entry("POST /posts/{secretIdea}/replies", "/threads/{secretIdea}?page=*#post-*"),
            Map.entry("POST /posts/{newIdea}/reaction", "/threads/{newIdea}#post-{newIdea}"),
            Map.entry("POST /posts/{newIdea}/helpful", "/threads/{newIdea}#post-{newIdea}"),
            Map.entry("POST /posts/{membersIdea}/edit", "/threads/{membersIdea}#post-{membersIdea}"),
            Map.entry("POST /posts/{newIdea}/flag", "/posts/{newIdea}/flag?sent"),
            Map.entry("POST /posts/{secretIdea}/flag", "/posts/{secretIdea}/flag?sent"),
            Map.entry("POST /posts/{newIdea}/hide", "/posts/{newIdea}/moderate"),
            Map.entry("POST /posts/{newHiddenIdea}/restore", "/posts/{newHiddenIdea}/moderate"),
            Map.entry("POST /posts/{newIdea}/pin", "/posts/{newIdea}/moderate"),
            Map.entry("POST /posts/{newIdea}/spotlight", "/posts/{newIdea}/moderate"),
            Map.entry("POST /posts/{newIdea}/move", "/posts/{newIdea}/moderate"),
            Map.entry("POST /forums/{forum}/announcements", "/forums/{forum}/console"),
            Map.entry("POST /forums/{secretForum}/announcements", "/forums/{secretForum}/console"),
            Map.entry("POST /forums/{forum}/guests", "/forums/{forum}/console#guests"),
            Map.entry("POST /forums/{forum}/notes", "/forums/{forum}/console"),
            Map.entry("POST /jams/{jam}/announcements", "/jams/{jam}/console"),
            Map.entry("POST /announcements/{newForumAnnouncement}", "/forums/{forum}/console#announcements"),
            Map.entry("POST /announcements/{newForumAnnouncement}/withdraw", "/forums/{forum}/console#announcements"),
            Map.entry("POST /announcements/{newForumAnnouncement}/dismiss", "/forums/1"),
            Map.entry("POST /notifications/read-all", "/notifications?allRead"),
            Map.entry("POST /notifications/preferences", "/notifications/preferences?saved"),
            Map.entry("GET /posts/{idea}", "/threads/{idea}#post-{idea}"),
            Map.entry("POST /threads/{idea}/follow", "/threads/{idea}"),
            Map.entry("POST /threads/{secretIdea}/follow", "/threads/{secretIdea}"),
            Map.entry("POST /forums/{forum}/follow", "/forums/{forum}"),
            Map.entry("POST /forums/{secretForum}/follow", "/forums/{secretForum}"),
            Map.entry("GET /posts/{secretIdea}", "/threads/{secretIdea}#post-{secretIdea}"),
            Map.entry("POST /jams/{newLiveJam}/review/stages", "/jams/{newLiveJam}/review/stages?saved"),
            Map.entry("POST /ideas/{newIdea}/decision", "/threads/{newIdea}#review-{newIdea}"),
            Map.entry("POST /jams/{newDraftReportJam}/report", "/jams/{newDraftReportJam}/report"),
            Map.entry("POST /jams/{jam}/review/views", "/jams/{jam}/review?view=*&done=saved"),
            Map.entry("POST /jams/{jam}/review/scorecard", "/jams/{jam}/review/scorecard?done"),
            Map.entry("POST /jams/{jam}/review/scores/{idea}", "/jams/{jam}/review/scores/{idea}?done"),
            Map.entry("POST /jams/{jam}/review/reviewers", "/jams/{jam}/review/reviewers?done=added"),
            Map.entry("POST /ideas/{newJoinPair}/join", "/joins/*"),
            Map.entry("POST /joins/{newJoin}/consent", "/joins/{newJoin}"),
            Map.entry("POST /joins/{newDoneJoin}/undo", "/joins/{newDoneJoin}"),
            Map.entry("POST /ideas/{newIdea}/team", "/threads/{newIdea}#team-{newIdea}"),
            Map.entry("POST /ideas/{secretIdea}/team", "/threads/{secretIdea}#team-{secretIdea}"),
            Map.entry("POST /posts/{newBuildOnOfMembersIdea}/adopt", "/posts/{newBuildOnOfMembersIdea}"));

    /** What the calls send; the keys are the first column of the table. */
    final Map<String, BiConsumer<MockHttpServletRequestBuilder, Call>> bodies = new LinkedHashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    final Map<Who, Person> people = new EnumMap<>(Who.class);
    final Map<Who, MockHttpSession> sessions = new EnumMap<>(Who.class);
    Person bystander;
    Actor admin;
    Jam jam;
    Forum forum;
    /** A second forum of the same Jam, which the forum's hosts and facilitators do not serve. */
    Forum secondForum;
    Post idea;
    Post membersIdea;
    Jam draftJam;
    Jam secretJam;
    Forum secretForum;
    Post secretIdea;
    long othersToken;
    Jam helpStream;
    Forum helpTopic;
    Post helpQuestion;
    Post helpAnswer;
    /** The matrix Jam's webhook, registered on first use. */
    long matrixWebhook;
    String othersTokenSecret;

    @BeforeAll
    void world() {
        fixtures = Fixtures.of(context);
        people.put(Who.OBSERVER, fixtures.person("Olive Observer", Role.OBSERVER));
        people.put(Who.MEMBER, fixtures.person("Mia Member", Role.PARTICIPANT));
        people.put(Who.OUTSIDER, fixtures.person("Otto Outsider", Role.PARTICIPANT));
        people.put(Who.HOST, fixtures.person("Hana Host", Role.PARTICIPANT));
        people.put(Who.FACILITATOR, fixtures.person("Felix Facilitator", Role.PARTICIPANT));
        people.put(Who.ORGANISER, fixtures.person("Orla Organiser", Role.ORGANISER));
        people.put(Who.ADMIN, fixtures.person("Ada Administrator", Role.ADMINISTRATOR));
        bystander = fixtures.person("Bea Bystander", Role.PARTICIPANT);
        admin = people.get(Who.ADMIN).asActor();

        jam = fixtures.liveJam("Matrix Jam");
        forum = fixtures.forum(jam, "Matrix forum");
        secondForum = fixtures.forum(jam, "Second matrix forum");
        fixtures.host(forum, people.get(Who.HOST));
        fixtures.facilitator(forum, people.get(Who.FACILITATOR));
        fixtures.join(jam, people.get(Who.MEMBER));
        idea = fixtures.idea(forum, "Shared idea");
        membersIdea = fixtures.idea(forum, people.get(Who.MEMBER), "Mia's idea", "As first written.");

        draftJam = fixtures.jam("Draft Jam").draft().create();
        secretJam = fixtures.jam("Secret Jam").invitationOnly().create();
        secretForum = fixtures.forum(secretJam, "Secret forum");
        secretIdea = fixtures.idea(secretForum, fixtures.organiser(), "Secret idea", "Only organisers see this.");

        // A help stream: the member (an employee) asked a question the host answered.
        helpStream = fixtures.jam("Matrix help").campaign(org.incrowd.jam.JamKind.HELP_STREAM, null, null).create();
        helpTopic = fixtures.forum(helpStream, "Matrix topic");
        fixtures.host(helpTopic, people.get(Who.HOST));
        fixtures.facilitator(helpTopic, people.get(Who.FACILITATOR));
        fixtures.join(helpStream, people.get(Who.MEMBER));
        helpQuestion = fixtures.idea(helpTopic, people.get(Who.MEMBER), "Matrix question", "How?");
        helpAnswer = fixtures.reply(helpQuestion, people.get(Who.HOST), "Like this.");

        othersTokenSecret = fixtures.tokens().create(bystander.id(), "bystander's token");
        othersToken = fixtures.tokens().list(bystander.id()).getLast().id();

        defineBodies();
    }

    void defineBodies() {
        bodies.put("POST /setup", (r, c) -> r.param("email", fixtures.email("second-admin"))
                .param("password", Fixtures.PASSWORD).param("displayName", "Second administrator")
                .param("participantType", "EMPLOYEE"));
        // A fresh owner each call: sign-ups per address are limited, and the answer must not depend on it.
        bodies.put("POST /signup (e-mail taken)", (r, c) -> r.param("email",
                        fixtures.person("Address owner", Role.PARTICIPANT).email())
                .param("password", Fixtures.PASSWORD).param("displayName", "Copycat")
                .param("participantType", "PUBLIC"));
        bodies.put("POST /profile", (r, c) -> r.param("displayName", c.person == null ? "Guest" : c.person.displayName())
                .param("participantType", "EMPLOYEE").param("country", "").param("language", ""));
        bodies.put("POST /profile/tokens", (r, c) -> r.param("name", "matrix"));
        bodies.put("POST /reset", (r, c) -> r.param("email", fixtures.email("matrix-reset")));
        bodies.put("POST /reset/{unknownLink}", (r, c) -> r.param("password", "a long new matrix password"));
        bodies.put("POST /profile/email", (r, c) -> r.param("newEmail", fixtures.email("matrix-new-address")));
        bodies.put("POST /admin/sign-up", (r, c) -> r.param("types", "PUBLIC"));
        bodies.put("PUT /api/v1/retention", (r, c) -> r.contentType(MediaType.APPLICATION_JSON)
                .content("{\"days\": {}, \"reason\": \"matrix\"}"));
        bodies.put("POST /admin/terms (empty text)", (r, c) -> r.param("text", " "));
        bodies.put("POST /jams/{newLiveJam}/kiosks", (r, c) -> r.param("name", "Matrix break room"));
        bodies.put("POST /kiosk/ideas", (r, c) -> r.param("forum", String.valueOf(forum.id()))
                .param("title", "From no kiosk").param("body", "Refused.").param("clientId", "matrix-client-1"));
        bodies.put("POST /kiosk/reactions", (r, c) -> r.param("post", String.valueOf(idea.id()))
                .param("kind", "AGREE").param("clientId", "matrix-client-2"));
        bodies.put("POST /kiosk/acts", (r, c) -> r.contentType(MediaType.APPLICATION_JSON).content("""
                {"clientId": "matrix-client-3", "code": "AAAAAA", "forumId": 1, "title": "x", "body": "y"}"""));
        bodies.put("POST /jams/{newLiveJam}/invitations", (r, c) -> r.param("email", fixtures.email("matrix-invited"))
                .param("participantType", "EMPLOYEE").param("role", "PARTICIPANT"));
        bodies.put("POST /jams/{newLiveJam}/invitations/pasted", (r, c) -> r.param("pasted",
                fixtures.email("matrix-pasted")).param("pastedType", "EMPLOYEE"));
        bodies.put("POST /jams/{newLiveJam}/invitations/remind", (r, c) -> r.param("round",
                java.util.UUID.randomUUID().toString()));
        bodies.put("POST /admin/people/{bystander}/roles", (r, c) -> r.param("roles", "PARTICIPANT"));
        bodies.put("POST /admin/people/{newPerson}/type", (r, c) -> r.param("participantType", "PARTNER"));
        bodies.put("POST /admin/people/{newPerson}/deactivate", (r, c) -> r.param("reason", "Matrix test"));
        bodies.put("POST /admin/people/{newDeactivatedPerson}/reactivate", (r, c) -> r.param("reason", "Matrix test"));
        bodies.put("POST /jams/{newLiveJam}/webhooks", (r, c) -> r.param("name", "Matrix hook")
                .param("url", "http://127.0.0.1:9/matrix").param("events", "post.created"));
        bodies.put("POST /jams/{newWebhookJam}/webhooks/{newWebhook}/enabled", (r, c) -> r.param("enabled", "false"));
        // --- help stream ---
        bodies.put("POST /help/{helpStream}/name", (r, c) -> r.param("organisationName", "Matrix Support"));
        bodies.put("POST /help/{helpStream}/ask", (r, c) -> r.param("topic", "unsure")
                .param("title", "Matrix question").param("body", "Asked by " + c.who));
        bodies.put("POST /help/{helpStream}/ask/mail", (r, c) -> r.param("email", fixtures.email("matrix-asker"))
                .param("topic", "unsure").param("title", "Matrix question").param("body", "Asked by " + c.who));
        bodies.put("POST /help/questions/{helpQuestion}/answers", (r, c) -> r.param("body", "Answered by " + c.who));
        bodies.put("POST /help/questions/{helpQuestion}/solution", (r, c) -> r.param("answer",
                String.valueOf(helpAnswer.id())));
        bodies.put("POST /api/v1/help/{helpStream}/questions/{helpQuestion}/solution", (r, c) ->
                json("{\"answerId\": " + helpAnswer.id() + "}").accept(r, c));
        bodies.put("POST /jams", this::jamForm);
        bodies.put("POST /jams/{newDraftJam}", this::jamForm);
        bodies.put("POST /jams/{newClosedJam}/community", (r, c) -> r.param("allowPosting", "true"));
        bodies.put("POST /jams/{newClosedJam}/community (chosen forums)", (r, c) -> r.param("choose", "forums"));
        bodies.put("POST /api/v1/jams/{newClosedJam}/community", json("""
                {"continuingForumIds": []}"""));
        bodies.put("POST /jams/{newJoinedJam}/members/remove", (r, c) -> r.param("email", bystander.email())
                .param("reason", "Matrix test"));
        bodies.put("POST /jams/{newLiveJam}/forums", (r, c) -> r.param("forumTitle", "Matrix forum 2"));
        bodies.put("POST /forums/{newForum}", (r, c) -> r.param("forumTitle", "Renamed forum"));
        bodies.put("PUT /api/v1/forums/{newForum}", json("""
                {"title": "Renamed by API", "question": "Why?"}"""));
        bodies.put("POST /forums/{newForum}/staff", (r, c) -> r.param("email", bystander.email()).param("role", "HOST"));
        bodies.put("POST /jams/{newLiveJam}/join", (r, c) -> r.param("acceptTerms", "true"));
        bodies.put("POST /jams/{secretJam}/join", (r, c) -> r.param("acceptTerms", "true"));
        bodies.put("POST /forums/{forum}/threads", this::ideaForm);
        bodies.put("POST /forums/{forum}/proxy (no consent)", (r, c) -> ideaForm(r.param("forName", "Maria"), c));
        bodies.put("POST /forums/{secretForum}/proxy (no consent)", (r, c) -> ideaForm(r.param("forName", "Maria"), c));
        bodies.put("POST /claim (wrong code)", (r, c) -> r.param("code", "WRONG-CODE"));
        bodies.put("POST /forums/{secretForum}/threads", this::ideaForm);
        bodies.put("POST /posts/{idea}/replies", (r, c) -> r.param("body", "A reply from the matrix."));
        bodies.put("POST /jams/{newLiveJam}/review/stages", (r, c) -> r.param("key", "new", "selected", "")
                .param("name", "New", "Chosen", "").param("outcome", "NEW", "ACCEPTED", "OPEN")
                .param("order", "1", "2", "3"));
        bodies.put("POST /ideas/{newIdea}/decision", (r, c) -> r.param("stage", "selected")
                .param("reason", "Chosen by the matrix."));
        bodies.put("PUT /api/v1/jams/{newLiveJam}/review/stages", json("""
                {"stages": [{"key": "new", "outcome": "NEW"}, {"name": "Chosen", "outcome": "ACCEPTED"}]}"""));
        bodies.put("POST /api/v1/jams/{jam}/review/decisions", (r, c) -> json("{\"ideas\": [" + idea.id()
                + "], \"stage\": \"under-review\", \"reason\": \"Looked at by the matrix.\"}").accept(r, c));
        bodies.put("POST /posts/{secretIdea}/replies", (r, c) -> r.param("body", "A reply from the matrix."));
        bodies.put("POST /posts/{newIdea}/reaction", (r, c) -> r.param("kind", "AGREE"));
        bodies.put("POST /jams/{jam}/opinions/react", (r, c) -> r.param("post", "" + idea.id()).param("kind", "AGREE"));
        bodies.put("POST /forums/{forum}/opinions/react", (r, c) -> r.param("post", "" + idea.id()).param("kind", "PASS"));
        bodies.put("POST /posts/{newIdea}/helpful", (r, c) -> r.param("helpful", "true"));
        // No topics: whoever saves stays no expert, so the hand-over rows do not depend on the order of the rows.
        bodies.put("POST /help/{helpRoute}/expertise", (r, c) -> r.param("awayUntil", ""));
        bodies.put("POST /help/{helpRoute}/embed/origins", (r, c) -> r.param("origins", "https://shop.example.com"));
        bodies.put("POST /help/{secretHelpRoute}/embed/origins", (r, c) -> r.param("origins",
                "https://shop.example.com"));
        bodies.put("POST /help/questions/{newHelpRouteQuestion}/hand-over", (r, c) -> r
                .param("colleague", people.get(Who.MEMBER).email()).param("note", "Handed on by the matrix."));
        bodies.put("POST /posts/{membersIdea}/edit", (r, c) -> r.param("title", "Mia's idea")
                .param("body", "Edited by " + c.who).param("tags", ""));

        bodies.put("POST /posts/{newIdea}/flag", (r, c) -> r.param("reason", "SPAM"));
        bodies.put("POST /posts/{secretIdea}/flag", (r, c) -> r.param("reason", "OFF_TOPIC"));
        bodies.put("POST /posts/{newIdea}/hide", (r, c) -> r.param("reason", "Matrix test"));
        bodies.put("POST /posts/{newHiddenIdea}/restore", (r, c) -> r.param("reason", "Matrix test"));
        bodies.put("POST /posts/{newIdea}/move", (r, c) -> r.param("forum", "" + secondForum.id()));
        bodies.put("POST /forums/{forum}/announcements", (r, c) -> r.param("body", "Matrix announcement"));
        bodies.put("POST /forums/{secretForum}/announcements", (r, c) -> r.param("body", "Matrix announcement"));
        bodies.put("POST /jams/{jam}/announcements", (r, c) -> r.param("body", "Matrix announcement"));
        bodies.put("POST /announcements/{newForumAnnouncement}", (r, c) -> r.param("body", "Corrected by the matrix"));
        bodies.put("POST /announcements/{newForumAnnouncement}/dismiss", (r, c) -> r.param("back", "/forums/1"));
        bodies.put("POST /forums/{forum}/notes", (r, c) -> r.param("body", "Matrix note"));
        bodies.put("POST /forums/{forum}/guests", (r, c) -> {
            var start = LocalDateTime.now(jam.timeZone()).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
            r.param("email", bystander.email()).param("label", "Expert").param("startsAt", start.toString())
                    .param("endsAt", start.plusHours(1).toString());
        });
        // --- participation ---
        bodies.put("GET /jams/{jam}/participation.csv", (r, c) -> r.param("table", "units"));
        bodies.put("GET /jams/{secretJam}/participation.csv", (r, c) -> r.param("table", "units"));
        // --- open data --- withdrawing leaves the Jam as every other call finds it: unpublished.
        bodies.put("POST /jams/{jam}/open-data/publication", (r, c) -> r.param("published", "false"));
        bodies.put("POST /jams/{secretJam}/open-data/publication", (r, c) -> r.param("published", "false"));
        bodies.put("PUT /api/v1/jams/{jam}/open-data/publication", json("{\"published\": false}"));
        bodies.put("PUT /api/v1/jams/{secretJam}/open-data/publication", json("{\"published\": false}"));
        // --- Jam Pulse (themes) ---
        for (var verb : List.of("rename", "merge", "split", "pin", "hide")) {
            bodies.put("POST /jams/{jam}/pulse/" + verb, (r, c) -> r.param("theme", "t0").param("into", "t0")
                    .param("label", "Matrix theme").param("post", String.valueOf(idea.id())));
        }
        bodies.put("POST /jams/{secretJam}/pulse/rename", (r, c) -> r.param("theme", "t0").param("label", "Matrix"));
        bodies.put("POST /jams/{jam}/pulse/move", (r, c) -> r.param("post", String.valueOf(idea.id()))
                .param("into", "t0"));
        // Organisers name themselves: harmless, and leaves the bystander never named.
        bodies.put("POST /jams/{jam}/pulse/analysts", (r, c) -> r.param("email", c.person == null ? ""
                : c.person.email()));
        bodies.put("POST /jams/{secretJam}/pulse/analysts", (r, c) -> r.param("email", c.person == null ? ""
                : c.person.email()));
        // --- report ---
        bodies.put("POST /jams/{newDraftReportJam}/report", (r, c) -> r.param("rows", "1")
                .param("rec-0-title", "Matrix recommendation").param("publish", "true"));
        bodies.put("PUT /api/v1/jams/{newDraftReportJam}/report", json("""
                {"heard": "Matrix", "next": "", "recommendations": [{"title": "Matrix recommendation"}]}"""));
        // --- search ---
        bodies.put("GET /search", (r, c) -> r.param("q", "matrix"));
        bodies.put("GET /search/similar (in a forum)", (r, c) -> r.param("forum", String.valueOf(forum.id()))
                .param("text", "An idea from the matrix"));
        bodies.put("GET /search/similar (in a secret forum)", (r, c) -> r.param("forum",
                String.valueOf(secretForum.id())).param("text", "An idea from the matrix"));
        bodies.put("GET /api/v1/search", (r, c) -> r.param("q", "matrix"));
        bodies.put("GET /api/v1/search/similar (in a forum)", (r, c) -> r.param("forum", String.valueOf(forum.id()))
                .param("text", "An idea from the matrix"));
        bodies.put("GET /api/v1/search/similar (in a secret forum)", (r, c) -> r.param("forum",
                String.valueOf(secretForum.id())).param("text", "An idea from the matrix"));

        // --- follow, mute, mentions ---
        for (var place : List.of("/threads/{idea}", "/threads/{secretIdea}", "/forums/{forum}", "/forums/{secretForum}")) {
            bodies.put("POST " + place + "/follow", (r, c) -> r.param("state", "FOLLOW"));
        }
        bodies.put("GET /jams/{jam}/mentions", (r, c) -> r.param("q", "mi"));
        bodies.put("GET /jams/{secretJam}/mentions", (r, c) -> r.param("q", "mi"));

        bodies.put("PATCH /api/v1/me", json("{}"));
        bodies.put("POST /api/v1/me/tokens", json("""
                {"name": "matrix"}"""));
        bodies.put("POST /api/v1/jams", (r, c) -> json(jamJson()).accept(r, c));
        bodies.put("PUT /api/v1/jams/{newDraftJam}", (r, c) -> json(jamJson()).accept(r, c));
        bodies.put("POST /api/v1/jams/{newLiveJam}/join", json("""
                {"acceptTerms": true}"""));
        bodies.put("POST /api/v1/jams/{secretJam}/join", json("""
                {"acceptTerms": true}"""));
        bodies.put("POST /api/v1/jams/{newLiveJam}/forums", json("""
                {"title": "API forum", "question": "Why?"}"""));
        bodies.put("POST /api/v1/forums/{forum}/threads", json("""
                {"title": "API idea", "body": "From the matrix.", "tags": "matrix"}"""));
        bodies.put("POST /api/v1/forums/{secretForum}/threads", json("""
                {"title": "API idea", "body": "From the matrix."}"""));
        bodies.put("POST /api/v1/posts/{idea}/replies", json("""
                {"body": "An API reply."}"""));
        bodies.put("POST /api/v1/posts/{secretIdea}/replies", json("""
                {"body": "An API reply."}"""));
        bodies.put("PATCH /api/v1/posts/{membersIdea}", json("""
                {"title": "Mia's idea", "body": "Edited through the API."}"""));
        bodies.put("PUT /api/v1/posts/{newIdea}/reaction", json("""
                {"kind": "AGREE"}"""));
        bodies.put("PUT /api/v1/posts/{secretIdea}/reaction", json("""
                {"kind": "AGREE"}"""));

        // --- review queue, reviewers and scorecards ---
        bodies.put("POST /jams/{jam}/review/views", (r, c) -> r.param("viewName", "Matrix view").param("type",
                "CLIENT"));
        bodies.put("POST /jams/{jam}/review/scorecard", (r, c) -> r.param("name", "Impact").param("weight", "100"));
        bodies.put("POST /jams/{jam}/review/scores/{idea}", (r, c) -> r.param("score0", "4"));
        bodies.put("POST /jams/{jam}/review/reviewers", (r, c) -> r.param("reviewer", bystander.email())
                .param("kind", "forum").param("target", String.valueOf(forum.id())));
        bodies.put("PUT /api/v1/jams/{jam}/review/scorecard", json("""
                {"criteria": [{"name": "Impact", "weight": 100}]}"""));
        bodies.put("POST /api/v1/jams/{jam}/review/scores/{idea}", json("""
                {"scores": {"0": 4}}"""));
        bodies.put("PUT /api/v1/jams/{jam}/review/reviewers", json("""
                {"reviewers": []}"""));
        bodies.put("POST /api/v1/jams/{jam}/review/bulk (nothing chosen)", json("""
                {"ideas": [], "stage": "selected", "reason": ""}"""));
        bodies.put("POST /api/v1/jams/{jam}/review/views", json("""
                {"name": "Matrix view", "query": "type=CLIENT"}"""));
        // --- duplicates joined with consent ---
        bodies.put("POST /ideas/{newJoinPair}/join", (r, c) -> r.param("kind", "LINK")
                .param("other", "/threads/" + c.ref("newJoinPair.other").id()).param("note", "Matrix duplicates"));
        bodies.put("POST /joins/{newJoin}/consent", (r, c) -> r.param("answer", "accept"));
        bodies.put("POST /joins/{newDoneJoin}/undo", (r, c) -> r.param("reason", "Matrix undo"));
        bodies.put("POST /api/v1/jams/{newJoinJam}/joins", (r, c) -> json("{\"kind\": \"MERGE\", \"ideaId\": "
                + c.ref("newJoinJam.idea").id() + ", \"otherId\": " + c.ref("newJoinJam.other").id()
                + ", \"note\": \"Matrix duplicates\"}").accept(r, c));
        bodies.put("POST /api/v1/joins/{newJoin}/consent", json("""
                {"accept": true}"""));
        bodies.put("POST /api/v1/joins/{newDoneJoin}/undo", json("""
                {"reason": "Matrix undo"}"""));
        bodies.put("POST /jams/{jam}/review/answers", (r, c) -> r.param("theme", "no-such-theme")
                .param("weDid", "Matrix").param("why", "Matrix"));
        bodies.put("POST /jams/{jam}/review/answers/{answer}/edit", (r, c) -> r.param("weDid", "Edited by the matrix")
                .param("why", "Matrix").param("reason", "Matrix test"));
        bodies.put("POST /jams/{jam}/review/answers/{answer}/rating", (r, c) -> r.param("verdict", "PARTLY"));
        bodies.put("POST /jams/{newLiveJam}/review/listening", (r, c) -> r.param("shared", "true"));
        bodies.put("POST /jams/{newLiveJam}/givers/switches", (r, c) -> r.param("on", "HELPFUL", "GIVERS_PAGE"));
        bodies.put("POST /jams/{jam}/givers/prizes", (r, c) -> r.param("email", bystander.email())
                .param("reason", "The matrix awards this."));
        bodies.put("POST /jams/{newChallenge}/givers/prizes (naming nobody)", (r, c) -> r.param("reason",
                "The matrix awards this."));
        bodies.put("POST /profile/recognition", (r, c) -> r.param("listed", "true"));
        bodies.put("POST /jams/{newLiveJam}/identity-mode", (r, c) -> r.param("mode", "PSEUDONYMOUS"));
        bodies.put("POST /forums/{newForum}/identity-mode", (r, c) -> r.param("mode", "ANONYMOUS"));
        bodies.put("PUT /api/v1/jams/{newLiveJam}/identity-mode", json("""
                {"mode": "PSEUDONYMOUS"}"""));
        bodies.put("PUT /api/v1/forums/{newForum}/identity-mode", json("""
                {"mode": "ANONYMOUS"}"""));
        bodies.put("POST /api/v1/jams/{jam}/answers", json("""
                {"theme": "no-such-theme", "weDid": "Matrix", "why": "Matrix"}"""));
        bodies.put("PUT /api/v1/answers/{answer}", json("""
                {"weDid": "Edited by API", "why": "Matrix", "reason": "Matrix test"}"""));
        bodies.put("POST /api/v1/answers/{answer}/rating", json("""
                {"verdict": "NO"}"""));
        bodies.put("POST /profile/delete (wrong password)", (r, c) -> r.param("password", "not the password")
                .param("understood", "true"));
        bodies.put("POST /admin/privacy/deletion", (r, c) -> r.param("policy", "KEEP_POSTS"));
        bodies.put("POST /admin/reveals", (r, c) -> r.param("post", String.valueOf(idea.id()))
                .param("reason", "Matrix reveal"));
        bodies.put("POST /api/v1/reveals", (r, c) -> json("{\"postId\": " + idea.id()
                + ", \"reason\": \"Matrix reveal\"}").accept(r, c));
    }

    // ---- the matrix --------------------------------------------------------------------------------------------

    Stream<Arguments> matrix() {
        return rows().flatMap(row -> Arrays.stream(Who.values())
                .map(who -> Arguments.of(row.endpoint, who, row.expected.get(who))));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachKindOfPersonAsTheTableSays(String endpoint, Who who, String expected) throws Exception {
        var call = new Call(endpoint, who, who == Who.GUEST ? null : people.get(who));
        String path = call.resolve(call.path);
        String before = fingerprint(call);

        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(call.method), path);
        bodies.getOrDefault(endpoint, (r, c) -> { }).accept(request, call);
        if (call.api) {
            if (call.person != null) {
                request.with(Fixtures.bearer(fixtures.token(call.person))); // no CSRF token: none is needed
            }
        } else {
            request.with(Fixtures.browser());
            if (call.person != null) {
                // Signing out ends the session, so it gets a session of its own.
                request.session(endpoint.equals("POST /signout") ? fixtures.signIn(call.person) : session(who));
            }
            if (!call.method.equals("GET")) {
                request.with(csrf());
            }
        }
        MvcResult result = perform(request).andReturn();

        assertAnswer(call, expected, result.getResponse());
        if (!isAllowed(expected) || call.method.equals("GET")) {
            assertThat(fingerprint(call)).as("data after %s %s as %s (%s)", call.method, path, who, expected)
                    .isEqualTo(before);
        }
    }

    @Test
    void theTableCoversEveryEndpointOfTheApplication() {
        var listed = rows().map(row -> normalise(row.endpoint.replaceAll(" \\(.*\\)$", "")))
                .collect(Collectors.toSet());
        var mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        var missing = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.incrowd")) {
                return; // API docs, error controller
            }
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    String key = normalise(method.name() + " " + pattern);
                    if (!listed.contains(key)) {
                        missing.add(key + " (" + handler.getShortLogMessage() + ")");
                    }
                }
            }
        });
        assertThat(missing).as("endpoints without a row in the matrix").isEmpty();
    }

    /** "POST /forums/{forumId}/staff/{personId}/{role}/remove" and the table's spelling alike. */
    static String normalise(String endpoint) {
        return endpoint.replaceAll("\\{[^}]+}", "{}").replace("/HOST/", "/{}/");
    }

    @Test
    void theFingerprintSeesTheChangesItIsMeantToCatch() throws Exception {
        var call = new Call("POST /posts/{newIdea}/reaction", Who.MEMBER, people.get(Who.MEMBER));
        long ideaId = call.ref("newIdea").id();
        String before = fingerprint(call);

        fixtures.reacting().react(people.get(Who.MEMBER).asActor(), ideaId, ReactionKind.AGREE);

        assertThat(fingerprint(call)).isNotEqualTo(before);
    }

    // ---- CSRF and tokens -----------------------------------------------------------------------------------------

    @Test
    void aPagePostWithoutCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        long before = fixtures.reading().countInJam(jam.id());

        var response = perform(post("/forums/" + forum.id() + "/threads").session(session(Who.MEMBER))
                .param("title", "Forged").param("body", "Sent by another site.")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(before);
    }

    @Test
    void aPagePostWithAWrongCsrfTokenIsRefused() throws Exception {
        long before = fixtures.reading().countInJam(jam.id());

        var response = perform(post("/forums/" + forum.id() + "/threads").session(session(Who.MEMBER))
                .with(csrf().useInvalidToken()).param("title", "Forged").param("body", "Sent by another site."))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(before);
    }

    @Test
    void anApiCallSignedInOnlyByTheSessionCookieNeedsACsrfToken() throws Exception {
        long before = fixtures.reading().countInJam(jam.id());

        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").session(session(Who.MEMBER))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Forged", "body": "A cookie alone must not be enough."}"""))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(before);
    }

    @Test
    void anApiCallWithABearerTokenNeedsNoCsrfToken() throws Exception {
        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads")
                .with(fixtures.bearer(people.get(Who.MEMBER))).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "From a script", "body": "Tokens are not sent by browsers on their own."}"""))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).contains("\"title\":\"From a script\"");
    }

    @Test
    void aRevokedTokenIsAnswered401AndNoLongerActs() throws Exception {
        var owner = people.get(Who.MEMBER);
        String secret = fixtures.tokens().create(owner.id(), "soon revoked");
        long id = fixtures.tokens().list(owner.id()).getLast().id();
        assertThat(perform(get("/api/v1/me").with(Fixtures.bearer(secret))).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        assertThat(perform(delete("/api/v1/me/tokens/" + id).with(Fixtures.bearer(secret))).andReturn()
                .getResponse().getStatus()).isEqualTo(204);

        var me = perform(get("/api/v1/me").with(Fixtures.bearer(secret))).andReturn().getResponse();
        assertThat(me.getStatus()).isEqualTo(401);
        assertThat(me.getContentType()).startsWith("application/problem+json");
        assertThat(me.getContentAsString()).contains("\"status\":401").doesNotContain(owner.email());
        long posts = fixtures.reading().countInJam(jam.id());
        var write = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(Fixtures.bearer(secret))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Too late", "body": "The token is gone."}""")).andReturn().getResponse();
        assertThat(write.getStatus()).isEqualTo(401);
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(posts);
    }

    @Test
    void anUnknownOrMalformedTokenIsAnswered401EvenOnPublicPages() throws Exception {
        for (String token : List.of("ict_not-a-real-token", "not-even-the-prefix", "", "ict_" + "x".repeat(200))) {
            var response = perform(get("/api/v1/me").with(Fixtures.bearer(token))).andReturn().getResponse();
            assertThat(response.getStatus()).as("token '%s'", token).isEqualTo(401);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
        assertThat(perform(get("/").with(Fixtures.bearer("ict_nope"))).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void aTokenActsOnlyForItsOwnerWithTheOwnersCurrentRoles() throws Exception {
        // The bystander's token works, and acts as the bystander: a participant, not an organiser.
        var me = perform(get("/api/v1/me").with(Fixtures.bearer(othersTokenSecret))).andReturn().getResponse();
        assertThat(me.getStatus()).isEqualTo(200);
        assertThat(me.getContentAsString()).contains(bystander.email());
        var create = perform(post("/api/v1/jams").with(Fixtures.bearer(othersTokenSecret))
                .contentType(MediaType.APPLICATION_JSON).content(jamJson())).andReturn().getResponse();
        assertThat(create.getStatus()).isEqualTo(403);
        assertThat(create.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void aGuestIsSentToSignInAndComesBackToThePageTheyWanted() throws Exception {
        var first = perform(get("/forums/" + forum.id()).with(Fixtures.browser())).andReturn();
        assertThat(first.getResponse().getRedirectedUrl()).endsWith("/signin");
        var session = (MockHttpSession) first.getRequest().getSession();

        var signIn = perform(post("/signin").session(session).with(csrf())
                .with(Fixtures.from(Fixtures.newAddress())).with(Fixtures.browser())
                .param("email", people.get(Who.MEMBER).email()).param("password", Fixtures.PASSWORD)).andReturn();

        assertThat(signIn.getResponse().getRedirectedUrl()).contains("/forums/" + forum.id());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    void assertAnswer(Call call, String expected, MockHttpServletResponse response) throws Exception {
        String what = call.method + " " + call.resolve(call.path) + " as " + call.who;
        int status = response.getStatus();
        String body = response.getContentAsString();
        switch (expected) {
            case "signin" -> {
                assertThat(status).as("%s: status (body %s)", what, abbreviate(body)).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).as(what).matches("(http://localhost)?/signin");
            }
            case "401" -> {
                assertThat(status).as("%s: status (body %s)", what, abbreviate(body)).isEqualTo(401);
                assertThat(response.getContentType()).as(what).startsWith("application/problem+json");
                assertThat(body).as(what).contains("\"status\":401");
            }
            default -> {
                int want = Integer.parseInt(expected);
                assertThat(status).as("%s: status (redirect %s, body %s)", what, response.getRedirectedUrl(),
                        abbreviate(body)).isEqualTo(want);
                if (want == 302) {
                    String template = REDIRECTS.get(call.endpoint);
                    assertThat(template).as("%s: REDIRECTS has no entry", call.endpoint).isNotNull();
                    assertThat(response.getRedirectedUrl()).as(what).matches(redirectPattern(call.resolve(template)));
                } else if (want != 204 && call.api) {
                    assertThat(response.getContentType()).as(what)
                            .startsWith(want >= 400 ? "application/problem+json" : "application/json");
                } else if (call.path.equals("/kiosk/acts")) { // a kiosk's script sends offline acts as JSON
                    assertThat(response.getContentType()).as(what)
                            .startsWith(want >= 400 ? "application/problem+json" : "application/json");
                } else if (want != 204 && call.endpoint.matches("GET\\s+/live/.*")) {
                    assertThat(response.getContentType()).as(what)
                            .startsWith(want == 200 ? "text/event-stream" : "text/plain");
                } else if (call.path.endsWith(".zip")) {
                    assertThat(response.getContentType()).as(what)
                            .startsWith(want == 200 ? "application/zip" : "text/html");
                } else if (call.path.endsWith(".svg")) {
                    assertThat(response.getContentType()).as(what)
                            .startsWith(want == 200 ? "image/svg+xml" : "text/plain");
                } else if (call.path.endsWith(".atom")) {
                    assertThat(response.getContentType()).as(what)
                            .startsWith(want == 200 ? "application/atom+xml" : "text/html");
                } else if (call.path.endsWith(".json")) {
                    assertThat(response.getContentType()).as(what)
                            .startsWith(want == 200 ? "application/json" : "text/html");
                } else if (call.path.endsWith(".csv")) {
                    assertThat(response.getContentType()).as(what).startsWith(want == 200 ? "text/csv" : "text/html");
                } else if (call.path.endsWith(".pdf") || call.path.endsWith(".md")) {
                    assertThat(response.getContentType()).as(what).startsWith(want != 200 ? "text/html"
                            : call.path.endsWith(".pdf") ? "application/pdf" : "text/markdown");
                } else if (want != 204 && !call.api && body.length() > 0) {
                    assertThat(response.getContentType()).as(what).startsWith("text/html");
                }
            }
        }
    }

    /** As a request to the real server: MockMvc leaves the servlet path empty, the server does not. */
    ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Fixtures.servletPath()));
    }

    static boolean isAllowed(String expected) {
        return expected.startsWith("2") || expected.equals("302");
    }

    static Pattern redirectPattern(String resolved) {
        return Pattern.compile(Arrays.stream(resolved.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining("\\d+")));
    }

    /** Everything a call could touch, as readers see it: compared before and after calls that must change nothing. */
    /** The help stream of the routing rows, made once. */
    record HelpRoute(Jam stream, Forum topic, Post question, Jam secret) {
    }

    HelpRoute helpRoute;

    HelpRoute helpRoute() {
        if (helpRoute == null) {
            var stream = fixtures.jam("Matrix help").campaign(org.incrowd.jam.JamKind.HELP_STREAM, null, null)
                    .endsIn(java.time.Duration.ofDays(1)).create();
            var topic = fixtures.forum(stream, "Matrix topic");
            fixtures.host(topic, people.get(Who.HOST));
            fixtures.facilitator(topic, people.get(Who.FACILITATOR));
            fixtures.join(stream, people.get(Who.MEMBER));
            fixtures.join(stream, bystander);
            fixtures.jams().openToGuests(fixtures.organiser().asActor(), stream.id(), true);
            var secret = fixtures.jam("Secret help").campaign(org.incrowd.jam.JamKind.HELP_STREAM, null, null)
                    .endsIn(java.time.Duration.ofDays(1)).invitationOnly().create();
            helpRoute = new HelpRoute(stream, topic, fixtures.idea(topic, bystander, "Matrix question", "Asked."),
                    secret);
        }
        return helpRoute;
    }

    /**
     * What a refused request must leave as it was, beyond what the modules' services show: one statement, so that
     * the check before and after each of the matrix's calls costs one round trip.
     */
    private static final String ROW_COUNTS = """
            select (select count(*) from webhook) as webhooks,
                   (select count(*) from jam_report) as reports,
                   (select count(published_at) from jam_report) as published_reports,
                   (select max(updated_at) from jam_report) as last_report_change,
                   (select count(*) from recognition_switch_off) as recognition_switched_off,
                   (select count(*) from recognition_prize) as prizes,
                   (select count(*) from recognition_unlisted) as unlisted_givers,
                   (select count(*) from kiosk_device) as kiosks,
                   (select count(revoked_at) from kiosk_device) as revoked_kiosks,
                   (select count(*) from kiosk_code) as kiosk_codes,
                   (select count(revoked_at) from kiosk_code) as revoked_kiosk_codes,
                   (select count(*) from kiosk_act) as kiosk_acts,
                   (select count(*) from help_expertise) as help_expertise,
                   (select count(*) from help_hand_over) as help_hand_overs,
                   (select count(*) from help_embed_origin) as help_embed_origins,
                   (select count(*) from help_general_topic) as help_general_topics,
                   (select count(*) from person_status_change) as deactivations,
                   (select count(*) from jam_invitation) as invitations,
                   (select sum(sends) from jam_invitation) as invitations_sent,
                   (select count(*) from jam_invitation where state = 'REVOKED') as revoked_invitations
            """;

    String fingerprint(Call call) {
        var jams = fixtures.jams();
        var discussion = fixtures.reading();
        var identity = fixtures.identity();
        var text = new StringBuilder();
        text.append("people=").append(identity.count())
                .append(" jams=").append(jams.visibleTo(admin).size())
                .append(" posts=").append(discussion.countInJam(jam.id()))
                .append(" secretPosts=").append(discussion.countInJam(secretJam.id()))
                .append(" membersIdea=").append(discussion.require(admin, membersIdea.id()))
                .append(" bystander=").append(identity.find(bystander.id()).orElseThrow())
                .append(" othersTokens=").append(fixtures.tokens().list(bystander.id()).size())
                .append(" rows=").append(jdbc().sql(ROW_COUNTS).query().listOfRows());
        for (var ref : call.refs.entrySet()) {
            long id = ref.getValue().id;
            text.append('\n').append(ref.getKey()).append('=');
            switch (ref.getValue().kind) {
                case JAM -> {
                    var forums = jams.forums(admin, id);
                    text.append(jams.require(admin, id)).append(forums).append(jams.staff(forums))
                            .append(jams.stats(id)).append(discussion.countInJam(id));
                }
                case FORUM -> {
                    var place = jams.requireForum(admin, id);
                    text.append(place).append(jams.staff(List.of(place.forum())))
                            .append(discussion.ideas(admin, id, 0));
                }
                case POST -> text.append(discussion.require(admin, id)).append(fixtures.editing().history(admin, id));
                case PERSON -> text.append(identity.find(id).orElseThrow());
                case TOKENS -> text.append(fixtures.tokens().list(id));
                case TOKEN_ID -> text.append(id);
                case ACCOUNT -> text.append(identity.find(id).orElseThrow()).append(jdbc()
                        .sql("select deactivated_at from person where id = ?").param(id).query().listOfRows());
                case WEBHOOK -> text.append(jdbc().sql("select name, url, events, enabled from webhook where id = ?")
                        .param(id).query().listOfRows());
                case ANNOUNCEMENT -> text.append(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("select body, withdrawn_at from announcement where id = ?").param(id).query().listOfRows());
                case NOTIFICATION -> text.append(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("select read_at from notification where id = ?").param(id).query().listOfRows());
                case PREFERENCES -> text.append(context.getBean(
                        org.incrowd.notify.internal.Preferences.class).of(id));
                case JOIN -> text.append(jdbc().sql("select state, idea_consent, other_consent from idea_join"
                        + " where id = ?").param(id).query().listOfRows()).append(jdbc().sql(
                        "select count(*) from idea_join where jam_id = (select jam_id from idea_join where id = ?)")
                        .param(id).query(Long.class).single());
                case ANSWER -> text.append(jdbc().sql("select you_said, we_did, why, updated_at from theme_answer"
                        + " where id = ?").param(id).query().listOfRows()).append(jdbc().sql(
                        "select person_id, verdict from answer_rating where answer_id = ? order by person_id")
                        .param(id).query().listOfRows());
            }
        }
        return text.toString();
    }

    /** The member's idea that the joins link with others: one, so the member's posting pace is not spent. */
    Post membersDuplicate;

    /** A link between the member's idea and a fresh one of a second author, proposed by an organiser. */
    org.incrowd.review.IdeaJoin newJoin(Actor organiser) {
        var second = fixtures.person("Second author", Role.PARTICIPANT);
        fixtures.join(jam, second);
        if (membersDuplicate == null) {
            membersDuplicate = fixtures.idea(forum, people.get(Who.MEMBER), "Member's duplicate", "Twice.");
        }
        var mine = membersDuplicate;
        var theirs = fixtures.idea(forum, second, "Second author's duplicate", "Twice.");
        return context.getBean(org.incrowd.review.IdeaJoins.class).propose(organiser, jam.id(),
                org.incrowd.review.JoinKind.LINK, mine.id(), theirs.id(), "Matrix duplicates");
    }

    org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    }

    /** An answer to a theme of the matrix Jam (its themes are never computed here, so it is written directly). */
    long matrixAnswer() {
        var existing = jdbc().sql("select id from theme_answer where jam_id = ? and theme_key = 'matrix'")
                .param(jam.id()).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc().sql("""
                        insert into theme_answer (jam_id, theme_key, theme_label, you_said, we_did, why, answered_by,
                            answered_at, updated_at) values (?, 'matrix', 'Matrix theme', '', 'Matrix', 'Matrix', ?, ?, ?)""")
                .params(jam.id(), people.get(Who.ORGANISER).id(), now, now).update();
        return matrixAnswer();
    }

    /** A webhook of the Jam, as the organisers' form would register it (the module keeps its service to itself). */
    long webhookOf(long jamId) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc().sql("""
                        insert into webhook (jam_id, name, url, secret, events, enabled, created_by, created_at)
                        values (?, 'Matrix webhook', 'http://127.0.0.1:9/matrix', 'whsec_matrix', 'post.created', true,
                                ?, current_timestamp)""")
                .params(jamId, fixtures.organiser().id()).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    MockHttpSession session(Who who) throws Exception {
        var session = sessions.get(who);
        if (session == null || session.isInvalid()) {
            session = fixtures.signIn(people.get(who));
            sessions.put(who, session);
        }
        return session;
    }

    void jamForm(MockHttpServletRequestBuilder request, Call call) {
        var start = LocalDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.MINUTES);
        request.param("title", "Jam from the matrix").param("question", "Does it work?")
                .param("startsAt", start.toString()).param("endsAt", start.plusDays(3).toString())
                .param("timeZone", "UTC").param("audience", "EMPLOYEE");
    }

    void ideaForm(MockHttpServletRequestBuilder request, Call call) {
        request.param("title", "Idea from the matrix").param("body", "Posted by " + call.who).param("tags", "matrix");
    }

    static String jamJson() {
        var start = LocalDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.MINUTES);
        return """
                {"title": "API Jam", "question": "Does it work?", "startsAt": "%s", "endsAt": "%s",
                 "timeZone": "UTC", "audience": ["EMPLOYEE"], "invitationOnly": false}"""
                .formatted(start, start.plusDays(3));
    }

    static BiConsumer<MockHttpServletRequestBuilder, Call> json(String json) {
        return (request, call) -> request.contentType(MediaType.APPLICATION_JSON).content(json);
    }

    static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    // ---- table parsing and placeholders ------------------------------------------------------------------------

    record Row(String endpoint, Map<Who, String> expected) {
    }

    static Stream<Row> rows() {
        var rows = new ArrayList<Row>();
        var seen = new HashSet<String>();
        for (String line : MATRIX.strip().split("\n")) {
            if (line.startsWith("endpoint") || line.startsWith("---") || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length != Who.values().length + 1) {
                throw new IllegalStateException("Row with the wrong number of cells: " + line);
            }
            String endpoint = cells[0].strip().replaceAll("\\s+", " ");
            if (!seen.add(endpoint)) {
                throw new IllegalStateException("Row twice: " + endpoint);
            }
            var expected = new EnumMap<Who, String>(Who.class);
            for (Who who : Who.values()) {
                expected.put(who, cells[who.ordinal() + 1].strip());
            }
            rows.add(new Row(endpoint, expected));
        }
        return rows.stream();
    }

    /** What a placeholder stands for; TOKENS is a person's list of live tokens, TOKEN_ID only names one. */
    enum Kind { JAM, FORUM, POST, PERSON, TOKENS, TOKEN_ID, ANNOUNCEMENT, NOTIFICATION, PREFERENCES, ACCOUNT, WEBHOOK,
        JOIN, ANSWER }

    /** {@code text}: what the placeholder stands for when it is not an id (a link's token). */
    record Ref(Kind kind, long id, String text) {
        Ref(Kind kind, long id) {
            this(kind, id, null);
        }
    }

    /** One call of the matrix: its endpoint, who makes it, and the objects its placeholders stand for. */
    final class Call {
        private static final Pattern ENDPOINT = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) (\\S+)( \\(.*\\))?");
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

        final String endpoint;
        final String method;
        final String path;
        final boolean api;
        final Who who;
        final Person person;
        final Map<String, Ref> refs = new LinkedHashMap<>();

        Call(String endpoint, Who who, Person person) {
            Matcher m = ENDPOINT.matcher(endpoint);
            if (!m.matches()) {
                throw new IllegalStateException("Not an endpoint: " + endpoint);
            }
            this.endpoint = endpoint;
            this.method = m.group(1);
            this.path = m.group(2);
            this.api = path.startsWith("/api/");
            this.who = who;
            this.person = person;
        }

        String resolve(String template) {
            Matcher m = PLACEHOLDER.matcher(template);
            var out = new StringBuilder();
            while (m.find()) {
                var ref = ref(m.group(1));
                m.appendReplacement(out, ref.text != null ? ref.text : Long.toString(ref.id));
            }
            m.appendTail(out);
            return out.toString();
        }

        Ref ref(String name) {
            var known = refs.get(name);
            if (known != null) {
                return known;
            }
            var made = make(name);
            refs.put(name, made);
            return made;
        }

        private Ref make(String name) {
            var organiser = fixtures.organiser().asActor();
            return switch (name) {
                case "jam" -> new Ref(Kind.JAM, jam.id());
                case "forum" -> new Ref(Kind.FORUM, forum.id());
                case "idea" -> new Ref(Kind.POST, idea.id());
                case "membersIdea" -> new Ref(Kind.POST, membersIdea.id());
                case "draftJam" -> new Ref(Kind.JAM, draftJam.id());
                case "secretJam" -> new Ref(Kind.JAM, secretJam.id());
                case "termsJam" -> new Ref(Kind.JAM, jam.id(), "jam-" + jam.id());
                case "termsVersion" -> new Ref(Kind.TOKEN_ID, 0, "1"); // the first version of a Jam's terms
                case "jamSection" -> new Ref(Kind.TOKEN_ID, 0, "activity"); // a section of the Jam's home, alone
                case "secretJamTerms" -> new Ref(Kind.JAM, secretJam.id(), "jam-" + secretJam.id());
                case "newTermsJam" -> {
                    long id = fixtures.jam("New terms").terms("Matrix terms.").create().id();
                    yield new Ref(Kind.JAM, id, "jam-" + id);
                }
                case "secretForum" -> new Ref(Kind.FORUM, secretForum.id());
                case "secretIdea" -> new Ref(Kind.POST, secretIdea.id());
                case "helpStream" -> new Ref(Kind.JAM, helpStream.id());
                case "helpTopic" -> new Ref(Kind.FORUM, helpTopic.id());
                case "helpQuestion" -> new Ref(Kind.POST, helpQuestion.id());
                case "bystander" -> new Ref(Kind.PERSON, bystander.id());
                // Imports are known by a random id; 0 is never one.
                case "unknownImport" -> new Ref(Kind.TOKEN_ID, 0);
                case "unknownAssignment" -> new Ref(Kind.TOKEN_ID, 0);
                // A link Incrowd never mailed.
                case "unknownLink" -> new Ref(Kind.TOKEN_ID, 0);
                case "unknownMessage" -> new Ref(Kind.TOKEN_ID, 0);
                case "unknownReveal" -> new Ref(Kind.TOKEN_ID, 0);
                case "othersToken" -> {
                    refs.put("othersToken.owner", new Ref(Kind.TOKENS, bystander.id()));
                    yield new Ref(Kind.TOKEN_ID, othersToken);
                }
                case "myNewToken" -> {
                    long owner = person == null ? bystander.id() : person.id();
                    fixtures.tokens().create(owner, "to revoke");
                    refs.put("myNewToken.owner", new Ref(Kind.TOKENS, owner));
                    yield new Ref(Kind.TOKEN_ID, fixtures.tokens().list(owner).getLast().id());
                }
                case "newInvitation" -> {
                    String email = fixtures.email("matrix-invitation");
                    context.getBean(org.incrowd.jam.Invitations.class).inviteOne(organiser, jam.id(),
                            org.incrowd.jam.InvitationDraft.participant(email,
                                    org.incrowd.identity.ParticipantType.EMPLOYEE, null));
                    yield new Ref(Kind.TOKEN_ID, context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("select id from jam_invitation where email = ?").param(email).query(Long.class)
                            .single());
                }
                case "newDraftJam" -> new Ref(Kind.JAM, fixtures.jam("New draft").draft().create().id());
                case "newLiveJam" -> new Ref(Kind.JAM, fixtures.liveJam("New live").id());
                case "newChallenge" -> new Ref(Kind.JAM, fixtures.jam("New challenge")
                        .campaign(org.incrowd.jam.JamKind.CHALLENGE, "A day off", null)
                        .endsIn(java.time.Duration.ofDays(3)).create().id());
                case "newJoinedJam" -> {
                    var joined = fixtures.liveJam("New joined");
                    fixtures.join(joined, bystander);
                    yield new Ref(Kind.JAM, joined.id());
                }
                case "newClosedJam" -> new Ref(Kind.JAM, fixtures.closeNow(fixtures.liveJam("New closed")).id());
                case "newForum" -> new Ref(Kind.FORUM, fixtures.forum(fixtures.liveJam("New forum's Jam"), "New").id());
                case "newStaffedForum" -> {
                    var staffed = fixtures.forum(fixtures.liveJam("Staffed forum's Jam"), "Staffed");
                    fixtures.jams().assignStaff(organiser, staffed.id(), bystander.email(), ForumRole.HOST);
                    yield new Ref(Kind.FORUM, staffed.id());
                }
                case "newIdea" -> new Ref(Kind.POST, fixtures.idea(forum, "Fresh idea").id());
                case "newForumAnnouncement" -> {
                    // Facilitation has no public service to announce through; the row is what its form would write.
                    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
                    context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                                    insert into announcement (jam_id, forum_id, author_id, body, created_at)
                                    values (?, ?, ?, 'Matrix announcement', current_timestamp)""")
                            .params(jam.id(), forum.id(), fixtures.organiser().id()).update(key, "id");
                    yield new Ref(Kind.ANNOUNCEMENT, key.getKeyAs(Long.class));
                }
                case "newPerson" -> new Ref(Kind.ACCOUNT, fixtures.person("Fresh person", Role.PARTICIPANT).id());
                case "newDeactivatedPerson" -> {
                    var fresh = fixtures.person("Fresh deactivated person", Role.PARTICIPANT);
                    jdbc().sql("update person set deactivated_at = current_timestamp where id = ?").param(fresh.id())
                            .update();
                    context.getBean(org.incrowd.identity.internal.PersonRepository.class).evict(fresh.id());
                    yield new Ref(Kind.ACCOUNT, fresh.id());
                }
                case "webhook" -> {
                    if (matrixWebhook == 0) {
                        matrixWebhook = webhookOf(jam.id());
                    }
                    yield new Ref(Kind.WEBHOOK, matrixWebhook);
                }
                case "answer" -> new Ref(Kind.ANSWER, matrixAnswer());
                case "newWebhookJam" -> {
                    var fresh = fixtures.liveJam("Webhook Jam");
                    refs.put("newWebhook", new Ref(Kind.WEBHOOK, webhookOf(fresh.id())));
                    yield new Ref(Kind.JAM, fresh.id());
                }
                case "newHiddenIdea" -> {
                    var fresh = fixtures.idea(forum, "Fresh idea to restore");
                    fixtures.moderating().hide(organiser, fresh.id(), "Hidden for the matrix");
                    yield new Ref(Kind.POST, fresh.id());
                }
                case "newFacilitatorsProxyIdea" -> new Ref(Kind.POST, context.getBean(
                        org.incrowd.discussion.ProxyIdeas.class).enter(people.get(Who.FACILITATOR).asActor(), forum.id(),
                        new org.incrowd.discussion.PostDraft("Entered for Maria", "As she told it.", ""),
                        new org.incrowd.discussion.ProxyDetails("Maria", "depot 4", "", true, "IN_PERSON")).idea().id());
                case "newBuildOnOfMembersIdea" -> new Ref(Kind.POST,
                        fixtures.reply(membersIdea, fixtures.poolAuthor(jam.id()), "Built on Mia's idea").id());
                case "newJoinPair" -> {
                    refs.put("newJoinPair.other", new Ref(Kind.POST, fixtures.idea(forum, "Join with me").id()));
                    yield new Ref(Kind.POST, fixtures.idea(forum, "Join me").id());
                }
                case "newJoin" -> new Ref(Kind.JOIN, newJoin(organiser).id());
                case "newDoneJoin" -> {
                    var join = newJoin(organiser);
                    var joins = context.getBean(org.incrowd.review.IdeaJoins.class);
                    joins.consent(people.get(Who.MEMBER).asActor(), join.id(), true, null);
                    joins.consent(fixtures.actor(fixtures.identity().require(join.otherAuthorId())), join.id(), true,
                            null);
                    yield new Ref(Kind.JOIN, join.id());
                }
                case "newJoinJam" -> {
                    var fresh = fixtures.liveJam("Join Jam");
                    var freshForum = fixtures.forum(fresh, "Duplicates");
                    fixtures.host(freshForum, people.get(Who.HOST));
                    fixtures.facilitator(freshForum, people.get(Who.FACILITATOR));
                    refs.put("newJoinJam.idea", new Ref(Kind.POST, fixtures.idea(freshForum, "Twice").id()));
                    refs.put("newJoinJam.other", new Ref(Kind.POST, fixtures.idea(freshForum, "Again").id()));
                    yield new Ref(Kind.JAM, fresh.id());
                }
                case "newIdeaIReactedTo" -> {
                    var fresh = fixtures.idea(forum, "Fresh idea to react to");
                    ifPermitted(() -> fixtures.reacting().react(person.asActor(), fresh.id(), ReactionKind.AGREE));
                    yield new Ref(Kind.POST, fresh.id());
                }
                case "newIdeaIMarkedHelpful" -> {
                    var fresh = fixtures.idea(forum, "Fresh idea to mark");
                    ifPermitted(() -> fixtures.reacting().markHelpful(person.asActor(), fresh.id()));
                    yield new Ref(Kind.POST, fresh.id());
                }
                case "othersNotification" -> {
                    var inbox = context.getBean(org.incrowd.notify.internal.Inbox.class);
                    inbox.deliver(org.incrowd.notify.NotificationKind.REPLY, List.of(bystander.id()), jam.id(),
                            "/threads/" + idea.id(), Map.of("actor", "Matrix"));
                    yield new Ref(Kind.NOTIFICATION, inbox.page(bystander.id(), 0, 1).getFirst().id());
                }
                case "bystandersUnsubscribe" -> {
                    // The link of the bystander's mails; pressing it is allowed to anyone who holds it.
                    String link = context.getBean(org.incrowd.notify.internal.UnsubscribeLinks.class)
                            .forKind(bystander.id(), org.incrowd.notify.NotificationKind.MENTION);
                    yield new Ref(Kind.PREFERENCES, bystander.id(), link.substring(link.lastIndexOf('/') + 1));
                }
                case "forgedUnsubscribe" -> new Ref(Kind.PREFERENCES, bystander.id(),
                        bystander.id() + ".REPLY." + "A".repeat(43));
                case "newReportJam", "newDraftReportJam" -> {
                    var reportJam = fixtures.liveJam("Reported");
                    var writing = context.getBean(org.incrowd.report.internal.ReportWriting.class);
                    var draft = new org.incrowd.report.ReportDraft("Heard", "Next", List.of(
                            new org.incrowd.report.ReportDraft.Recommendation("Matrix", "Why", null, null,
                                    null)));
                    var errors = org.incrowd.shared.FieldErrors.none();
                    if (name.equals("newReportJam")) {
                        writing.publish(organiser, reportJam.id(), draft, errors);
                    } else {
                        writing.save(organiser, reportJam.id(), draft, errors);
                    }
                    yield new Ref(Kind.JAM, reportJam.id());
                }
                // A short link to the matrix Jam, its key as the path needs it (a fresh one each call).
                case "shortLink", "newShortLink", "revokedShortLink" -> {
                    var links = context.getBean(org.incrowd.outreach.ShortLinks.class);
                    var link = links.create(organiser, jam.id(), null, null);
                    if (name.equals("revokedShortLink")) {
                        links.revoke(organiser, jam.id(), link.code());
                    }
                    refs.putIfAbsent("jam", new Ref(Kind.JAM, jam.id())); // where it leads, in both fingerprints
                    yield new Ref(Kind.TOKEN_ID, link.id(), link.code());
                }
                case "helpRoute" -> new Ref(Kind.JAM, helpRoute().stream.id());
                case "secretHelpRoute" -> new Ref(Kind.JAM, helpRoute().secret.id());
                case "helpRouteQuestion" -> new Ref(Kind.POST, helpRoute().question.id());
                case "newHelpRouteQuestion" -> new Ref(Kind.POST, fixtures.idea(helpRoute().topic, bystander,
                        "Fresh question", "Asked by the matrix.").id());
                default -> throw new IllegalStateException("Unknown placeholder {" + name + "}");
            };
        }

        /** Prepares what this person may do; people who may not are left as they are. */
        private void ifPermitted(Runnable action) {
            if (person == null) {
                return;
            }
            try {
                action.run();
            } catch (Refusal refused) {
                // observers and outsiders cannot react; the call under test is then refused too
            }
        }
    }
}
