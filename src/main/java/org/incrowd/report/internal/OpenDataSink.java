package org.incrowd.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Where the rows of one exported table go, one at a time: a CSV file or a JSON array. A table's columns and rows
 * are written once and read by both formats, so CSV and JSON always carry the same data.
 */
interface OpenDataSink {

    void row(Object... values);

    /** Ends the table (the JSON array; the CSV is flushed); the underlying stream stays open. */
    void finish();

    /** Several sinks fed by one pass over the data. */
    static OpenDataSink all(List<OpenDataSink> sinks) {
        return new OpenDataSink() {
            @Override
            public void row(Object... values) {
                sinks.forEach(sink -> sink.row(values));
            }

            @Override
            public void finish() {
                sinks.forEach(OpenDataSink::finish);
            }
        };
    }

    /**
     * RFC 4180 text with CRLF line ends. A text cell that a spreadsheet would run as a formula (starting with =, +,
     * -, @, tab or carriage return) gets a leading apostrophe, so a post reading "=HYPERLINK(...)" stays text;
     * numbers, such as a vote of -1, are written as they are.
     */
    final class Csv implements OpenDataSink {

        private final Writer out;

        Csv(OutputStream stream, List<String> columns) {
            this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            row(columns.toArray());
        }

        @Override
        public void row(Object... values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(field(values[i]));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String field(Object value) {
            String text = value == null ? "" : value.toString();
            if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }
    }

    /** A JSON array of objects, one per row, keyed by the column names; empty cells are null. */
    final class Json implements OpenDataSink {

        private final JsonGenerator json;
        private final List<String> columns;

        Json(JsonGenerator json, List<String> columns) {
            this.json = json;
            this.columns = columns;
            json.writeStartArray();
        }

        @Override
        public void row(Object... values) {
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeName(columns.get(i));
                switch (values[i]) {
                    case null -> json.writeNull();
                    case Long number -> json.writeNumber(number);
                    case Integer number -> json.writeNumber(number);
                    case Instant instant -> json.writeString(instant.toString());
                    default -> json.writeString(values[i].toString());
                }
            }
            json.writeEndObject();
        }

        @Override
        public void finish() {
            json.writeEndArray();
            json.flush();
        }
    }
}
