package org.incrowd.kiosk.internal;

import java.util.List;
import org.incrowd.jam.Jam;
import org.incrowd.kiosk.KioskCode;
import org.incrowd.kiosk.KioskDevice;
import org.incrowd.shared.FieldErrors;

/**
 * The organisers' kiosk page: kiosks, codes and the two forms as typed. {@code enrolmentLink}: the link of a kiosk
 * just created, shown this once; {@code notice}: the message key of what was just done, or null.
 */
public record KioskSetupPage(Jam jam, List<KioskDevice> devices, List<KioskCode> codes, String name, String lines,
                             String days, FieldErrors errors, String enrolmentLink, String notice) {
}
