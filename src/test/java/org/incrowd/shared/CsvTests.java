package org.incrowd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void plainFieldsAndNumbersStayAsTheyAre() {
        assertThat(new Csv().row("Sales", 6, "66.7").row("DE", 8, "62.5").toString())
                .isEqualTo("Sales,6,66.7\r\nDE,8,62.5\r\n");
    }

    @Test
    void aMissingValueInARowIsAnEmptyCell() {
        assertThat(new Csv().row("retention.run", null, 3).toString()).isEqualTo("retention.run,,3\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(Csv.field("Research, Development")).isEqualTo("\"Research, Development\"");
        assertThat(Csv.field("The \"A\" team")).isEqualTo("\"The \"\"A\"\" team\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAnApostrophe() {
        assertThat(Csv.field("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(Csv.field("+1 555")).isEqualTo("'+1 555");
        assertThat(Csv.field("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.field("Sales = growth")).isEqualTo("Sales = growth");
    }
}
