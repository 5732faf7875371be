package org.incrowd.insight.opinions.polis;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.Placement;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./incrowd analyse opinions FOLDER}: the opinion groups of a Pol.is export folder, computed by the same
 * pipeline as the application, with the votes replayed in the order of their times as Pol.is computed them, printed as
 * JSON. Runs without starting Spring.
 */
public final class AnalyseOpinionsCommand {

    /** Exit code for a usage mistake or an unreadable export. */
    public static final int BAD_INPUT = 2;

    private static final String USAGE = "usage: incrowd analyse opinions FOLDER"
            + "  (a Pol.is export folder with comments.csv and votes.csv or participants-votes.csv)";

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.getFirst().startsWith("-")) {
            err.println(USAGE);
            return args.equals(List.of("--help")) || args.equals(List.of("-h")) ? 0 : BAD_INPUT;
        }
        PolisExport export;
        try {
            export = PolisExport.read(Path.of(args.getFirst()));
        } catch (PolisExport.PolisExportException | java.nio.file.InvalidPathException e) {
            err.println("incrowd: " + e.getMessage());
            return BAD_INPUT;
        }
        // The groups as the conversation's history made them (ADR 55); an export without vote times
        // (participants-votes.csv alone) has one moment, and so the groups of its final votes.
        var result = OpinionAnalysis.history(export.voteHistory(Set.of()), OpinionSettings.DEFAULT,
                MissingVotes.STATEMENT_AVERAGE);
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out, json(result));
        out.println();
        out.flush();
        return 0;
    }

    /** The JSON document: groups, participants (ids as in the export), consensus, divisive, minority. */
    static Map<String, Object> json(OpinionResult result) {
        var root = new LinkedHashMap<String, Object>();
        root.put("groups", result.groups());
        var participants = new ArrayList<Map<String, Object>>(result.placements().size());
        for (Placement placement : result.placements()) {
            var participant = new LinkedHashMap<String, Object>();
            participant.put("id", Long.toString(placement.participant()));
            participant.put("group", placement.grouped() ? placement.group() : null);
            participant.put("x", placement.x());
            participant.put("y", placement.y());
            participant.put("votes", placement.votes());
            participants.add(participant);
        }
        root.put("participants", participants);
        root.put("consensus", result.consensus());
        root.put("divisive", result.divisive());
        root.put("minority", result.minority());
        return root;
    }
}
