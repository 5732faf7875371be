package org.incrowd.insight.opinions.polis;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading at a line longer than a limit, before the CSV parser would hold all of it: a 60 MB "header line" is
 * no Pol.is export, and reading it whole took hundreds of megabytes.
 */
final class LineLengthLimit extends FilterReader {

    private final int maxChars;
    private int current;
    private int line = 1;

    LineLengthLimit(Reader in, int maxChars) {
        super(in);
        this.maxChars = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c != -1) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            count(buffer[i]);
        }
        return read;
    }

    private void count(char c) throws IOException {
        if (c == '\n') {
            current = 0;
            line++;
        } else if (++current > maxChars) {
            throw new IOException("line " + line + " is longer than " + maxChars + " characters");
        }
    }
}
