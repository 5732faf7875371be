package org.incrowd.recognition.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.jam.Jam;
import org.incrowd.recognition.Prizes;
import org.incrowd.recognition.Recognition;
import org.incrowd.recognition.RecognitionSwitch;
import org.incrowd.shared.FieldErrors;

/**
 * A Jam's givers page: who helped most and how, the challenge's prizes, and for organisers the switches and the prize
 * form (kept as typed when refused).
 *
 * @param organiser whether the reader switches recognition and awards prizes
 * @param kept      what the refused prize form held ("idea", "email", "reason"), empty otherwise
 */
public record GiversPage(Jam jam, List<Recognition.Giver> givers, List<Prizes.Prize> prizes,
                         Set<RecognitionSwitch> off, boolean organiser, Map<String, String> kept, FieldErrors errors) {

    public boolean on(RecognitionSwitch which) {
        return !off.contains(which);
    }

    /** Whether the prize form is offered: organisers of a challenge whose prizes are on. */
    public boolean mayAward() {
        return organiser && jam.kind() == org.incrowd.jam.JamKind.CHALLENGE && on(RecognitionSwitch.PRIZES);
    }

    public String kept(String field) {
        return kept.getOrDefault(field, "");
    }
}
