package org.incrowd.insight.themes;

import java.util.List;
import org.incrowd.insight.LeadingThemes;
import org.springframework.stereotype.Component;

/** The Jam page's leading themes, by label, for the insight module's public {@link LeadingThemes}. */
@Component
class LeadingThemeLabels implements LeadingThemes {

    private final JamPulse pulse;

    LeadingThemeLabels(JamPulse pulse) {
        this.pulse = pulse;
    }

    @Override
    public List<String> labels(long jamId, int count) {
        return pulse.leading(jamId, count).stream().map(PulseTheme::label).toList();
    }
}
