package org.incrowd.insight.themes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.incrowd.shared.SettingRejected;
import org.junit.jupiter.api.Test;

/** A negative number of themes stops the start, naming the setting (0 lets the analysis choose). */
class ThemeCountSettingTests {

    @Test
    void aNegativeNumberOfThemesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ThemeRecompute(null, null, null, null, null, null, null, null, -1, 0.1))
                .isInstanceOf(SettingRejected.class)
                .hasMessage("incrowd.themes.count must be 0 (the analysis chooses) or more, not -1");
    }
}
