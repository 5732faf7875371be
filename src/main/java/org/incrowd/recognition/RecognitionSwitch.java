package org.incrowd.recognition;

import java.util.Arrays;
import java.util.List;

/**
 * What an organiser switches on or off per Jam: each kind of credit, badges, the givers page and prizes. All are on
 * until switched off. Off means not shown and not awarded; the acts themselves are still recorded, so that switching
 * a kind back on (or a recompute after a rule change) gives the credit they would have earned.
 */
public enum RecognitionSwitch {
    SOLUTION, BUILD_ON, HELPFUL, NEWCOMER, TEAM, FACILITATION, PROXY, BADGES, GIVERS_PAGE, PRIZES;

    /** The switch of a kind of credit. */
    public static RecognitionSwitch of(CreditKind kind) {
        return valueOf(kind.name());
    }

    /** The switches of kinds of credit, in the order of {@link CreditKind}. */
    public static List<RecognitionSwitch> credits() {
        return Arrays.stream(CreditKind.values()).map(RecognitionSwitch::of).toList();
    }

    public String messageKey() {
        return "recognition.switch." + name();
    }
}
