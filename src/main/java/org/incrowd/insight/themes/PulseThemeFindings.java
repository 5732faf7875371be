package org.incrowd.insight.themes;

import java.util.List;
import org.incrowd.insight.ThemeFindings;
import org.springframework.stereotype.Component;

/** The Jam Pulse's themes for the insight module's public {@link ThemeFindings}. */
@Component
class PulseThemeFindings implements ThemeFindings {

    private final JamPulse pulse;

    PulseThemeFindings(JamPulse pulse) {
        this.pulse = pulse;
    }

    @Override
    public List<Theme> themes(long jamId) {
        return pulse.leading(jamId, Integer.MAX_VALUE).stream()
                .map(theme -> new Theme(theme.key(), theme.label(), theme.size(), theme.representatives()))
                .toList();
    }
}
