package org.incrowd.insight.participation;

import java.time.Instant;
import java.util.List;
import org.incrowd.identity.ParticipantType;
import org.incrowd.insight.participation.algorithm.Dimension;
import org.incrowd.insight.participation.algorithm.ParticipationFigures;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.shared.Ui;

/**
 * What the participation page shows: the figures of the whole Jam, or with {@code forum} the activity in that forum
 * (invited and joined stay the Jam's: forums have no audience of their own). {@code invitedWithoutAccount}: invited
 * addresses nobody has signed up with yet, counted as invited in the total but in no group.
 */
public record ParticipationPage(Jam jam, Forum forum, List<Forum> forums, boolean byInvitation,
                                long invitedWithoutAccount, ParticipationFigures figures, Timeline timeline,
                                Instant computedAt) {

    public ParticipationPage {
        forums = List.copyOf(forums);
    }

    public String path() {
        return "/jams/" + jam.id() + "/participation" + (forum == null ? "" : "?forum=" + forum.id());
    }

    /** The CSV download of one table, for the same scope as the page. */
    public String csv(CsvTable table) {
        return "/jams/" + jam.id() + "/participation.csv?table=" + table.key()
                + (forum == null ? "" : "&forum=" + forum.id());
    }

    /** A group's name for people: its value, the translated participant type, or "not given". */
    public static String label(Ui ui, Dimension dimension, String value) {
        if (value == null) {
            return ui.t("participation.notGiven");
        }
        return dimension == Dimension.TYPE ? ui.t(ParticipantType.valueOf(value).messageKey()) : value;
    }

    /** The message key naming a dimension ("Country", "Unit", ...). */
    public static String dimensionKey(Dimension dimension) {
        return "participation.dimension." + dimension.name();
    }

    /** 0.257 → "25.7"; pages and CSV show shares as percentages with one decimal. */
    public static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f", share * 100);
    }
}
