package org.incrowd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scheduling priority (nice value) Linux gives the calling thread, as {@code ps -L -o nice} shows it. */
public final class ThreadNice {

    private static final Path STAT = Path.of("/proc/thread-self/stat");

    private ThreadNice() {}

    public static boolean readable() {
        return Files.isReadable(STAT);
    }

    /** Field 19 of the thread's stat line, counted after the command name (which may hold spaces) in parentheses. */
    public static int ofThisThread() {
        try {
            String stat = Files.readString(STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
