package org.incrowd.insight;

import java.io.PrintStream;
import java.util.List;
import org.incrowd.insight.opinions.polis.AnalyseOpinionsCommand;
import org.incrowd.insight.themes.cli.AnalyseThemesCommand;

/**
 * The insight module's command-line tools ({@code ./incrowd analyse opinions|themes}), as its public API: they run
 * the same algorithms as the application, without starting it. Each returns the process exit code.
 */
public final class AnalysisCommands {

    private AnalysisCommands() {
    }

    public static int opinions(List<String> args, PrintStream out, PrintStream err) {
        return new AnalyseOpinionsCommand().run(args, out, err);
    }

    public static int themes(List<String> args, PrintStream out, PrintStream err) {
        return new AnalyseThemesCommand().run(args, out, err);
    }
}
