package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Pages speak the language of the profile, else the browser's, else English. */
@IncrowdTest
class LanguageIntegrationTests {

    @Autowired
    MockMvc mvc;

    private String page(String path, String acceptLanguage, MockHttpSession session) throws Exception {
        var request = get(path).header("Accept-Language", acceptLanguage).accept("text/html");
        if (session != null) {
            request.session(session);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aGuestGetsTheBrowsersLanguage() throws Exception {
        assertThat(page("/signin", "de-DE,de;q=0.9,en;q=0.5", null)).contains("lang=\"de\"").contains("Anmelden");
        assertThat(page("/signin", "en-GB", null)).contains("lang=\"en\"").contains("Sign in");
    }

    @Test
    void anUnsupportedBrowserLanguageFallsBackToEnglish() throws Exception {
        assertThat(page("/signin", "ja-JP", null)).contains("lang=\"en\"").contains("Sign in");
    }

    @Test
    void theProfilesLanguageWinsOverTheBrowsers() throws Exception {
        var session = new MockHttpSession();
        mvc.perform(post("/signup").session(session).with(csrf()).header("Accept-Language", "en")
                .param("email", "lena@example.org").param("password", "a long enough password")
                .param("displayName", "Lena").param("participantType", "PUBLIC").param("language", "de"));
        mvc.perform(post("/signin").session(session).with(csrf()).header("Accept-Language", "en")
                .param("email", "lena@example.org").param("password", "a long enough password"));
        assertThat(page("/profile", "en-GB", session)).contains("lang=\"de\"").contains("Ihr Profil");
    }
}
