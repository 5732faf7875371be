package org.incrowd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a benchmark ran on and how busy it was, so that figures are read with their context. */
final class Machine {

    private Machine() {}

    static String describe() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown CPU");
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(0);
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), " + memoryKb / 1024 / 1024
                + " GiB memory, Java " + Runtime.version();
    }

    /**
     * The whole machine's busy and total CPU time so far, in the kernel's ticks ({@code /proc/stat}): two readings
     * give the share of all cores that was busy between them.
     */
    static long[] cpuTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < fields.length; i++) {
            long ticks = Long.parseLong(fields[i]);
            total += ticks;
            if (i == 4 || i == 5) { // idle and waiting for I/O
                idle += ticks;
            }
        }
        return new long[] {total - idle, total};
    }

    /** The share of all cores (0-100) busy between two {@link #cpuTicks()} readings. */
    static double busyPercent(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total == 0 ? 0 : 100.0 * (after[0] - before[0]) / total;
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
