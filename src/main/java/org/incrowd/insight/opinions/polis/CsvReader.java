package org.incrowd.insight.opinions.polis;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: comma-separated fields, fields in double quotes may hold commas, line
 * breaks and doubled quotes; lines end in LF or CRLF; a UTF-8 byte order mark is skipped. Streaming, because a
 * Pol.is votes file can have millions of lines. Malformed input fails with the source name and line number.
 */
public final class CsvReader implements Closeable {

    private final Reader in;
    private final String source;
    private int line = 1;
    private int recordLine;
    private int peeked = -2;

    public CsvReader(Reader in, String source) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in, 1 << 16);
        this.source = source;
    }

    /** The next record's fields, or null at the end of the input. */
    public List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        if (line == 1 && recordLine == 0 && c == '\uFEFF') {
            c = read();
            if (c == -1) {
                return null;
            }
        }
        recordLine = line;
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = readQuoted(field);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                c = read();
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"') {
                throw error("a double quote inside an unquoted field (field " + (fields.size() + 1)
                        + "); quote the whole field and double the quote");
            } else {
                field.append((char) c);
                c = read();
            }
        }
    }

    /** Line on which the last record returned by {@link #next()} began (1-based). */
    public int line() {
        return recordLine;
    }

    public String source() {
        return source;
    }

    /** A format error at the current record, naming the source and line. */
    public CsvFormatException error(String problem) {
        return new CsvFormatException(source, recordLine, problem);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads a quoted field's content after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException {
        int opened = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new CsvFormatException(source, opened, "a quoted field opened here is never closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                    continue;
                }
                int after = read();
                if (after != ',' && after != '\n' && after != '\r' && after != -1) {
                    throw error("unexpected character '" + (char) after + "' after a closing quote");
                }
                return after;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    /** Malformed CSV, with where it is. */
    public static final class CsvFormatException extends RuntimeException {

        private final String source;
        private final int line;

        public CsvFormatException(String source, int line, String problem) {
            super(source + " line " + line + ": " + problem);
            this.source = source;
            this.line = line;
        }

        public String source() {
            return source;
        }

        public int line() {
            return line;
        }
    }
}
