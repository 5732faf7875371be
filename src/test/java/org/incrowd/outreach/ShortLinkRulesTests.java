package org.incrowd.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.incrowd.shared.Refusal;
import org.junit.jupiter.api.Test;

class ShortLinkRulesTests {

    @Test
    void codesUseOnlyCharactersThatCannotBeMistakenForEachOther() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 2000; i++) {
            String code = ShortLinkRules.newCode();
            assertThat(code).hasSize(ShortLinkRules.CODE_LENGTH).doesNotContainPattern("[01ilo]")
                    .matches("[" + ShortLinkRules.ALPHABET + "]+");
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void aSlugIsTrimmedAndLowerCasedAndAnEmptyOneIsNone() {
        assertThat(ShortLinkRules.checkSlug("  Town-Hall ")).isEqualTo("town-hall");
        assertThat(ShortLinkRules.checkSlug("   ")).isNull();
        assertThat(ShortLinkRules.checkSlug(null)).isNull();
    }

    @Test
    void aSlugThatDoesNotFitIsRefusedSayingWhy() {
        assertRefused("a".repeat(ShortLinkRules.SLUG_MAX + 1), "outreach.slug.tooLong");
        assertRefused("ab", "outreach.slug.tooShort");
        assertRefused("town hall", "outreach.slug.characters");
        assertRefused("town--hall", "outreach.slug.characters");
        assertRefused("-town", "outreach.slug.characters");
        assertRefused("2026-hall", "outreach.slug.characters");
        assertRefused("städte", "outreach.slug.characters");
        assertRefused("../admin", "outreach.slug.characters");
    }

    private static void assertRefused(String slug, String key) {
        assertThatThrownBy(() -> ShortLinkRules.checkSlug(slug)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("slug"))
                .hasMessage(key);
    }
}
