package org.incrowd.insight.opinions.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws IOException {
        var records = readAll("id,text\r\n1,\"Hello, \"\"world\"\"\nsecond line\"\r\n2,plain\n");

        assertThat(records).containsExactly(List.of("id", "text"), List.of("1", "Hello, \"world\"\nsecond line"),
                List.of("2", "plain"));
    }

    @Test
    void countsLinesInsideQuotedFields() throws IOException {
        try (var reader = new CsvReader(new StringReader("a\n\"x\ny\"\nb\n"), "t.csv")) {
            reader.next();
            reader.next();
            reader.next();
            assertThat(reader.line()).isEqualTo(4);
        }
    }

    @Test
    void skipsAByteOrderMarkAndKeepsEmptyFields() throws IOException {
        assertThat(readAll("\uFEFFa,,b\n")).containsExactly(List.of("a", "", "b"));
    }

    @Test
    void anUnclosedQuoteNamesTheFileAndTheLineWhereItOpened() {
        assertThatThrownBy(() -> readAll("id,text\n1,ok\n2,\"never closed\n3,x\n"))
                .isInstanceOf(CsvReader.CsvFormatException.class)
                .hasMessage("comments.csv line 3: a quoted field opened here is never closed");
    }

    @Test
    void aStrayQuoteInsideAnUnquotedFieldIsText() throws IOException {
        assertThat(readAll("a,b\"c\n")).containsExactly(List.of("a", "b\"c"));
    }

    @Test
    void charactersAfterAClosingQuoteAreAnErrorAtTheirLine() {
        assertThatThrownBy(() -> readAll("id,text\n1,\"quoted\"tail\n")).hasMessageStartingWith("comments.csv line 2:")
                .hasMessageContaining("after a closing quote");
    }

    private static List<List<String>> readAll(String text) throws IOException {
        var records = new ArrayList<List<String>>();
        try (var reader = new CsvReader(new StringReader(text), "comments.csv")) {
            for (var record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }
}
