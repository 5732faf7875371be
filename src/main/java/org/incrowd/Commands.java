package org.incrowd;

import java.io.PrintStream;
import java.util.List;
import org.incrowd.insight.AnalysisCommands;

/**
 * Command-line tools that run without the application: {@code java -jar incrowd.jar analyse <what> ...}. Each tool
 * is a plain class; this only picks one by name, so that adding a tool is one line here.
 */
public final class Commands {

    /** Exit code for an unknown tool or a usage mistake. */
    public static final int USAGE_ERROR = 2;

    private Commands() {}

    /** Whether the arguments ask for a tool rather than the application. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && args[0].equals("analyse");
    }

    /** Runs {@code analyse <what> args...}; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 2 || !args.getFirst().equals("analyse")) {
            return usage(err);
        }
        var rest = args.subList(2, args.size());
        return switch (args.get(1)) {
            case "opinions" -> AnalysisCommands.opinions(rest, out, err);
            case "themes" -> AnalysisCommands.themes(rest, out, err);
            case "-h", "--help", "help" -> {
                usage(out);
                yield 0;
            }
            default -> usage(err);
        };
    }

    private static int usage(PrintStream to) {
        to.println("""
                usage: incrowd analyse <what> ...
                  opinions FOLDER   opinion groups of a Pol.is export folder, as JSON on standard output
                  themes FILE.csv --text-column C [--time-column T] [--themes K]
                                    themes of the posts in a CSV column, as JSON on standard output""");
        return USAGE_ERROR;
    }
}
