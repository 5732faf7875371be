package org.incrowd.insight.participation;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.incrowd.insight.participation.algorithm.Dimension;
import org.incrowd.shared.Refusal;

/** The tables of the participation page that can be downloaded, by their name in {@code ?table=}. */
public enum CsvTable {
    COUNTRIES("countries", Dimension.COUNTRY),
    UNITS("units", Dimension.UNIT),
    ROLES("roles", Dimension.ROLE),
    TYPES("types", Dimension.TYPE),
    TIMELINE("timeline", null),
    QUIET("quiet", null);

    private final String key;
    private final Dimension dimension;

    CsvTable(String key, Dimension dimension) {
        this.key = key;
        this.dimension = dimension;
    }

    public String key() {
        return key;
    }

    /** The breakdown this table shows; null for the timeline and the quiet list. */
    public Dimension dimension() {
        return dimension;
    }

    public static CsvTable of(Dimension dimension) {
        return Arrays.stream(values()).filter(t -> t.dimension == dimension).findFirst().orElseThrow();
    }

    /** The table named in a request, or a 400 that lists the names there are. */
    static CsvTable parse(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst()
                .orElseThrow(() -> Refusal.badRequest("table", "participation.csv.unknownTable", String.valueOf(key),
                        Arrays.stream(values()).map(CsvTable::key).collect(Collectors.joining(", "))));
    }
}
