package org.incrowd.insight.themes;

import java.util.List;
import org.incrowd.insight.JamThemes;
import org.springframework.stereotype.Component;

/** The Jam Pulse's whole-Jam themes for the insight module's public {@link JamThemes}. */
@Component
class PulseJamThemes implements JamThemes {

    private final JamPulse pulse;

    PulseJamThemes(JamPulse pulse) {
        this.pulse = pulse;
    }

    @Override
    public List<Theme> of(long jamId) {
        return pulse.leading(jamId, Integer.MAX_VALUE).stream()
                .map(theme -> new Theme(theme.key(), theme.label(), theme.size() + theme.newPosts(),
                        theme.representatives())).toList();
    }

    @Override
    public List<Long> posts(long jamId, String themeKey) {
        return pulse.postsOf(jamId, themeKey);
    }
}
