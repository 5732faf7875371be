package org.incrowd.insight.opinions.polis;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV one record at a time with Apache Commons CSV: comma-separated fields, fields in double quotes may
 * hold commas, line breaks and doubled quotes; lines end in LF or CRLF; a UTF-8 byte order mark is skipped; a blank
 * line is a record of one empty field. Streaming, because a Pol.is votes file can have millions of lines. What this
 * adds to the library: malformed input fails with the source name and the line on which the record began.
 */
public final class CsvReader implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String source;
    private int recordLine;

    public CsvReader(Reader in, String source) throws IOException {
        this.source = source;
        this.parser = CSVParser.builder().setReader(withoutByteOrderMark(in)).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** The next record's fields, or null at the end of the input. */
    public List<String> next() throws IOException {
        // The parser has read up to the end of the previous record: the next one begins on the following line.
        long line = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            recordLine = (int) line;
            return records.next().toList();
        } catch (UncheckedIOException malformed) {
            recordLine = (int) line;
            throw error(problem(malformed.getCause()));
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
        parser.close();
    }

    /** The library's message in the words of an organiser who looks at the file. */
    private static String problem(IOException cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field opened here is never closed";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "unexpected characters after a closing quote; quote the whole field and double its quotes";
        }
        return message;
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        var pushback = new PushbackReader(in instanceof BufferedReader ? in : new BufferedReader(in, 1 << 16));
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
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
