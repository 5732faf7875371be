package org.incrowd.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a new single sign-on account is named from what the provider knows. */
class SingleSignOnNamesTests {

    @Test
    void prefersTheFullNameThenTheUserNameThenTheAddressLocalPart() {
        assertThat(ProfileRules.nameFromProvider("Ada Lovelace", "ada", "ada@example.org")).isEqualTo("Ada Lovelace");
        assertThat(ProfileRules.nameFromProvider("  ", "ada", "ada@example.org")).isEqualTo("ada");
        assertThat(ProfileRules.nameFromProvider(null, null, "ada.l@example.org")).isEqualTo("ada.l");
    }

    @Test
    void cleansWhatWouldNotPassAsADisplayName() {
        assertThat(ProfileRules.nameFromProvider("Ada\u0000\nLovelace", null, "a@example.org")).isEqualTo("Ada Lovelace");
        String longName = "x".repeat(ProfileRules.MAX_NAME + 20);
        assertThat(ProfileRules.nameFromProvider(longName, null, "a@example.org")).hasSize(ProfileRules.MAX_NAME);
        String emojiAtTheCut = "x".repeat(ProfileRules.MAX_NAME - 1) + "\uD83D\uDE00";
        assertThat(ProfileRules.nameFromProvider(emojiAtTheCut, null, "a@example.org"))
                .isEqualTo("x".repeat(ProfileRules.MAX_NAME - 1));
    }
}
