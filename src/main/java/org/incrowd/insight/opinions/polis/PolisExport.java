package org.incrowd.insight.opinions.polis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.incrowd.insight.opinions.algorithm.VoteHistory;
import org.incrowd.insight.opinions.algorithm.VoteMatrix;

/**
 * A Pol.is export folder (the CSV files of Pol.is's data export, as in the Pol.is open-data repository):
 * {@code comments.csv}, {@code votes.csv} and, if present, {@code participants-votes.csv} with Pol.is's own opinion
 * group per participant. When {@code votes.csv} is missing, the votes come from {@code participants-votes.csv}
 * (then without times).
 */
public final class PolisExport {

    /**
     * A comment (a statement, in Incrowd's words).
     *
     * @param moderated −1 hidden by a moderator, 0 not moderated, 1 accepted
     */
    public record Comment(long id, long author, String text, int moderated, long timestamp) {

        public boolean hidden() {
            return moderated == -1;
        }
    }

    /** @param value 1 agree, −1 disagree, 0 pass */
    public record Vote(long timestamp, long comment, long voter, int value) {}

    /** The export's file names. */
    public static final String COMMENTS = "comments.csv";
    public static final String VOTES = "votes.csv";
    public static final String PARTICIPANTS_VOTES = "participants-votes.csv";
    /**
     * The longest line read: a participants-votes.csv header has a column per comment (thousands, a few characters
     * each), a comment a few thousand characters; a longer line is not a Pol.is export, and is not held in memory.
     */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** Input quoted in an error message is cut to this length. */
    static final int QUOTED_CHARS = 80;

    private final Path folder;
    private final List<Comment> comments;
    private final List<Vote> votes;
    private final Map<Long, Integer> polisGroups;
    private final List<Long> participants;

    private PolisExport(Path folder, List<Comment> comments, List<Vote> votes, Map<Long, Integer> polisGroups,
            List<Long> participants) {
        this.folder = folder;
        this.comments = List.copyOf(comments);
        this.votes = List.copyOf(votes);
        this.polisGroups = Map.copyOf(polisGroups);
        this.participants = List.copyOf(participants);
    }

    /**
     * Reads the folder.
     *
     * @throws PolisExportException for a missing folder or file, or malformed content (naming file and line)
     */
    public static PolisExport read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PolisExportException("No such folder: " + folder);
        }
        try {
            var comments = new ArrayList<Comment>();
            readComments(folder.resolve(COMMENTS), comments::add);
            comments.sort(Comparator.comparingLong(Comment::id));
            Path votesFile = folder.resolve(VOTES);
            Path matrixFile = folder.resolve(PARTICIPANTS_VOTES);
            var groups = new HashMap<Long, Integer>();
            var matrixVotes = new ArrayList<Vote>();
            if (Files.exists(matrixFile)) {
                readParticipantsVotes(matrixFile, groups::put, matrixVotes::add);
            }
            List<Vote> votes;
            if (Files.exists(votesFile)) {
                var latest = new LatestVotes(Long.MAX_VALUE);
                readVotes(votesFile, latest::add);
                votes = new ArrayList<>(latest.size());
                latest.forEachInTimeOrder(votes::add);
            } else if (Files.exists(matrixFile)) {
                votes = matrixVotes;
            } else {
                throw new PolisExportException(folder + " has neither votes.csv nor participants-votes.csv");
            }
            var participants = votes.stream().map(Vote::voter).distinct().sorted().toList();
            return new PolisExport(folder, comments, votes, groups, participants);
        } catch (CsvReader.CsvFormatException e) {
            throw new PolisExportException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new PolisExportException("Missing file: " + e.getFile(), e);
        } catch (IOException e) {
            throw new PolisExportException("Cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    public List<Comment> comments() {
        return comments;
    }

    /** The latest vote of each voter on each comment, in time order. */
    public List<Vote> votes() {
        return votes;
    }

    /** Every voter, ascending. */
    public List<Long> participants() {
        return participants;
    }

    /** Pol.is's own group per participant it grouped (empty without {@code participants-votes.csv}). */
    public Map<Long, Integer> polisGroups() {
        return polisGroups;
    }

    public Optional<Comment> comment(long id) {
        return comments.stream().filter(c -> c.id() == id).findFirst();
    }

    /** The votes as a vote matrix; hidden comments are excluded, as Pol.is leaves them out of its groups. */
    public VoteMatrix voteMatrix() {
        var builder = VoteMatrix.builder();
        comments.stream().filter(Comment::hidden).forEach(c -> builder.exclude(c.id()));
        for (var vote : votes) {
            builder.vote(vote.voter(), vote.comment(), vote.value());
        }
        return builder.build();
    }

    /**
     * The votes with their times, for the groups as the conversation's history made them; hidden comments and the
     * given statements are excluded.
     */
    public VoteHistory voteHistory(Set<Long> alsoExcluded) {
        var builder = VoteHistory.builder();
        comments.stream().filter(c -> c.hidden() || alsoExcluded.contains(c.id())).forEach(c -> builder.exclude(c.id()));
        for (var vote : votes) {
            builder.vote(vote.voter(), vote.comment(), vote.value(), vote.timestamp());
        }
        return builder.build();
    }

    /**
     * Streams the comments of a {@code comments.csv}, in file order.
     *
     * @throws PolisExportException for malformed content (naming file and line)
     */
    public static void readComments(Path file, Consumer<Comment> each) throws IOException {
        try (var table = Table.open(file)) {
            int timestamp = table.column("timestamp");
            int id = table.column("comment-id");
            int author = table.column("author-id");
            int moderated = table.column("moderated");
            int body = table.column("comment-body");
            while (table.next()) {
                int mod = table.integer(moderated);
                if (mod < -1 || mod > 1) {
                    throw table.error("moderated must be -1, 0 or 1, not " + mod);
                }
                each.accept(new Comment(table.number(id), table.number(author), table.text(body), mod,
                        table.number(timestamp)));
            }
        }
    }

    /** Streams every vote of a {@code votes.csv}, in file order (see {@link LatestVotes} for the latest of each). */
    public static void readVotes(Path file, Consumer<Vote> each) throws IOException {
        try (var table = Table.open(file)) {
            int timestamp = table.column("timestamp");
            int comment = table.column("comment-id");
            int voter = table.column("voter-id");
            int vote = table.column("vote");
            while (table.next()) {
                each.accept(new Vote(table.number(timestamp), table.number(comment), table.number(voter),
                        table.vote(vote)));
            }
        }
    }

    /**
     * Streams a {@code participants-votes.csv}: each participant's Pol.is group (when grouped) and their votes
     * (without times), row by row.
     */
    public static void readParticipantsVotes(Path file, BiConsumer<Long, Integer> group, Consumer<Vote> each)
            throws IOException {
        try (var table = Table.open(file)) {
            int participant = table.column("participant");
            int groupId = table.column("group-id");
            int firstComment = table.column("n-disagree") + 1;
            long[] commentIds = new long[table.header.size() - firstComment];
            for (int c = 0; c < commentIds.length; c++) {
                commentIds[c] = table.headerNumber(firstComment + c);
            }
            while (table.next()) {
                long pid = table.number(participant);
                if (!table.text(groupId).isBlank()) {
                    group.accept(pid, table.integer(groupId));
                }
                for (int c = 0; c < commentIds.length; c++) {
                    if (!table.text(firstComment + c).isBlank()) {
                        each.accept(new Vote(0, commentIds[c], pid, table.vote(firstComment + c)));
                    }
                }
            }
        }
    }

    /** Input quoted in a message, cut to a length a page can show: a header line may be megabytes long. */
    static String quote(String input) {
        return input.length() <= QUOTED_CHARS ? input : input.substring(0, QUOTED_CHARS) + "… ("
                + input.length() + " characters)";
    }

    /** A CSV file with a header row, read record by record with checked, named columns. */
    private static final class Table implements AutoCloseable {

        private final CsvReader reader;
        private final List<String> header;
        private List<String> row;

        private Table(CsvReader reader, List<String> header) {
            this.reader = reader;
            this.header = header;
        }

        static Table open(Path file) throws IOException {
            var reader = new CsvReader(new LineLengthLimit(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                    MAX_LINE_CHARS), file.getFileName().toString());
            var header = reader.next();
            if (header == null) {
                reader.close();
                throw new PolisExportException(file.getFileName() + " is empty (no header line)");
            }
            return new Table(reader, header);
        }

        int column(String name) {
            int at = header.indexOf(name);
            if (at < 0) {
                throw new PolisExportException(reader.source() + " line 1: no column '" + name + "' in the header "
                        + quote(header.toString()));
            }
            return at;
        }

        boolean next() {
            try {
                do {
                    row = reader.next();
                } while (row != null && row.size() == 1 && row.getFirst().isEmpty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (row != null && row.size() != header.size()) {
                throw error("expected " + header.size() + " fields as in the header, found " + row.size());
            }
            return row != null;
        }

        String text(int column) {
            return row.get(column);
        }

        long number(int column) {
            String text = row.get(column).trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error(quote(header.get(column)) + " must be a whole number, not '" + quote(text) + "'");
            }
        }

        int integer(int column) {
            long value = number(column);
            if (value != (int) value) {
                throw error(quote(header.get(column)) + " is out of range: " + value);
            }
            return (int) value;
        }

        int vote(int column) {
            long value = number(column);
            if (value < -1 || value > 1) {
                throw error(quote(header.get(column)) + " must be 1 (agree), -1 (disagree) or 0 (pass), not " + value);
            }
            return (int) value;
        }

        long headerNumber(int column) {
            try {
                return Long.parseLong(header.get(column).trim());
            } catch (NumberFormatException e) {
                throw new PolisExportException(reader.source() + " line 1: column " + (column + 1)
                        + " should be a comment id, not '" + quote(header.get(column)) + "'");
            }
        }

        PolisExportException error(String problem) {
            return new PolisExportException(reader.error(problem).getMessage());
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** A Pol.is export that cannot be read; the message names the file and line. */
    public static final class PolisExportException extends RuntimeException {

        public PolisExportException(String message) {
            super(message);
        }

        public PolisExportException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
