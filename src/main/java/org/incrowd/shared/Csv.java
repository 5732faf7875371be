package org.incrowd.shared;

import java.util.List;

/**
 * RFC 4180 text: CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes doubled. A field
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, so a unit named "=HYPERLINK(...)" stays text when an organiser opens the download. Every CSV download
 * (participation figures, the audit trail) writes through it.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /** A row of these fields; a null field is an empty cell (an act recorded without a reason, say). */
    public Csv row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    public static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
