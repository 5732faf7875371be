package org.incrowd.report.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.TimedReaction;
import org.incrowd.identity.IdentityService;
import org.incrowd.insight.OpinionMemberships;
import org.incrowd.insight.ThemeMemberships;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an export of a Jam or forum as it reads it: posts and reactions stream from the database straight into the
 * zip (or the JSON document), one row at a time. What it holds is bounded by people and posts, a few bytes each
 * (numbers, types, vote counts), never by the reactions: a pass that feeds several files writes the first into the
 * zip and spools the others to temporary files, copied in after it.
 */
@Component
public class OpenDataWriter {

    /**
     * participants-votes.csv has a column per statement and a row per voter; beyond this many cells (a large Jam:
     * 50,000 ideas × 20,000 voters would be a billion) it keeps only its per-person columns, and the votes are read
     * from votes.csv, as Pol.is's own tools and Incrowd's importer do.
     */
    static final long MAX_MATRIX_CELLS = 20_000_000;
    static final String LICENCE = "CC BY 4.0 (Creative Commons Attribution 4.0 International)";

    private final PostFeed feed;
    private final IdentityService identity;
    private final ThemeMemberships themes;
    private final OpinionMemberships opinions;
    private final OpenDataSecret secret;
    private final JsonMapper json;
    private final IdentityModes modes;

    OpenDataWriter(PostFeed feed, IdentityService identity, ThemeMemberships themes, OpinionMemberships opinions,
                   OpenDataSecret secret, JsonMapper json, IdentityModes modes) {
        this.modes = modes;
        this.feed = feed;
        this.identity = identity;
        this.themes = themes;
        this.opinions = opinions;
        this.secret = secret;
        this.json = json;
    }

    /** What one export knows beside the rows it streams. */
    private final class Export {

        final OpenDataScope scope;
        final OpenDataPeople people;
        final Optional<ThemeMemberships.Themes> themeMap;
        final Optional<OpinionMemberships.Groups> groupMap;
        /** The exported posts' ids, ascending (filled by the first pass over the posts). */
        long[] postIds = new long[1024];
        int postCount;
        int[] agrees;
        int[] disagrees;
        /** Each exported forum's identity mode, read once per forum. */
        final java.util.Map<Long, IdentityMode> forumModes = new HashMap<>();

        Export(OpenDataScope scope) {
            this.scope = scope;
            this.people = OpenDataPeople.read(feed, identity, scope.jamId(), scope.forumId(), scope.pseudonymScope(),
                    secret.get());
            this.themeMap = themes.of(scope.jamId(), scope.insightForum());
            this.groupMap = opinions.of(scope.jamId(), scope.insightForum());
        }

        void addPost(long id) {
            if (postCount == postIds.length) {
                postIds = Arrays.copyOf(postIds, postCount * 2);
            }
            postIds[postCount++] = id;
        }

        int postIndex(long id) {
            return Arrays.binarySearch(postIds, 0, postCount, id);
        }

        /**
         * Whether the post's forum hides its authors (ADR 49): then even a "named" export does not tie the post to
         * the export's pseudonym of its author, which their posts in named forums carry and which would link them.
         */
        boolean hidesAuthor(PostText post) {
            return mode(post).hidesNames();
        }

        /** An anonymous post shows no author at all, not even their participant type. */
        boolean showsNoOne(PostText post) {
            return mode(post) == IdentityMode.ANONYMOUS;
        }

        private IdentityMode mode(PostText post) {
            return forumModes.computeIfAbsent(post.forumId(), forum -> modes.ofForum(forum).mode());
        }

        int groupOf(long personId) {
            return groupMap.map(groups -> groups.groupOf(personId)).orElse(OpinionMemberships.UNGROUPED);
        }
    }

    // ---- the zip --------------------------------------------------------------------------------------------------

    public void zip(OpenDataScope scope, OutputStream target) {
        try {
            var zip = new ZipOutputStream(new BufferedOutputStream(target, 1 << 16), StandardCharsets.UTF_8);
            // The fastest compression: CSV and JSON still shrink several times, and a whole Jam's export is bound by
            // the time it takes to deflate, not by the bytes on the wire.
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            var export = new Export(scope);
            try (var pass = new Pass(zip, "README.md")) {
                pass.out(0).write(OpenDataReadme.text(scope).getBytes(StandardCharsets.UTF_8));
            }
            try (var pass = new Pass(zip, "posts.csv", "posts.json")) {
                var sink = both(pass, postColumns(scope));
                feed.forEachPostInScope(scope.jamId(), scope.forumId(), post -> {
                    export.addPost(post.id());
                    sink.row(postRow(export, post));
                });
                sink.finish();
            }
            export.agrees = new int[export.postCount];
            export.disagrees = new int[export.postCount];
            try (var pass = new Pass(zip, "reactions.csv", "reactions.json", "polis/votes.csv")) {
                var sink = both(pass, reactionColumns(scope));
                var votes = new OpenDataSink.Csv(pass.out(2), List.of("timestamp", "datetime", "comment-id",
                        "voter-id", "vote"));
                feed.forEachTimedReaction(scope.jamId(), scope.forumId(), false, reaction -> {
                    sink.row(reactionRow(export, reaction));
                    votes.row(reaction.reactedAt().toEpochMilli(), reaction.reactedAt(), reaction.postId(),
                            export.people.number(reaction.personId()), vote(reaction.kind()));
                    int post = export.postIndex(reaction.postId());
                    if (post >= 0 && reaction.kind() != ReactionKind.PASS) {
                        (reaction.kind() == ReactionKind.AGREE ? export.agrees : export.disagrees)[post]++;
                    }
                });
                sink.finish();
                votes.finish();
            }
            try (var pass = new Pass(zip, "polis/comments.csv")) {
                writeComments(export, pass.out(0));
            }
            try (var pass = new Pass(zip, "polis/participants-votes.csv")) {
                writeParticipantsVotes(export, pass.out(0));
            }
            try (var pass = new Pass(zip, "participants.csv", "participants.json")) {
                writeParticipants(export, both(pass, participantColumns(scope)));
            }
            try (var pass = new Pass(zip, "themes.csv", "themes.json")) {
                writeThemes(export, both(pass, THEME_COLUMNS));
            }
            try (var pass = new Pass(zip, "opinion-groups.csv", "opinion-groups.json")) {
                writeGroups(export, both(pass, GROUP_COLUMNS));
            }
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON document with every table, streamed: for programs reading the API. */
    public void json(OpenDataScope scope, OutputStream target) {
        var export = new Export(scope);
        try (JsonGenerator out = json.createGenerator(new BufferedOutputStream(target, 1 << 16))) {
            out.writeStartObject();
            out.writeNumberProperty("jam", scope.jamId());
            out.writeName("forum");
            if (scope.forumId() == null) {
                out.writeNull();
            } else {
                out.writeNumber(scope.forumId());
            }
            out.writeStringProperty("title", scope.title());
            out.writeStringProperty("mode", scope.mode().key());
            out.writeStringProperty("exportedAt", scope.exportedAt().toString());
            out.writeStringProperty("licence", LICENCE);
            out.writeName("themes");
            writeThemes(export, new OpenDataSink.Json(out, THEME_COLUMNS));
            out.writeName("opinionGroups");
            writeGroups(export, new OpenDataSink.Json(out, GROUP_COLUMNS));
            out.writeName("participants");
            writeParticipants(export, new OpenDataSink.Json(out, participantColumns(scope)));
            out.writeName("posts");
            var posts = new OpenDataSink.Json(out, postColumns(scope));
            feed.forEachPostInScope(scope.jamId(), scope.forumId(), post -> posts.row(postRow(export, post)));
            posts.finish();
            out.writeName("reactions");
            var reactions = new OpenDataSink.Json(out, reactionColumns(scope));
            feed.forEachTimedReaction(scope.jamId(), scope.forumId(), false,
                    reaction -> reactions.row(reactionRow(export, reaction)));
            reactions.finish();
            out.writeEndObject();
        }
    }

    // ---- the tables -----------------------------------------------------------------------------------------------

    private static final List<String> THEME_COLUMNS = List.of("key", "label", "posts");
    private static final List<String> GROUP_COLUMNS = List.of("group_id", "participants");

    private static List<String> postColumns(OpenDataScope scope) {
        return scope.named()
                ? List.of("id", "forum_id", "thread_id", "parent_id", "kind", "author", "author_type", "title",
                        "body", "created_at", "edited_at", "theme")
                : List.of("id", "forum_id", "thread_id", "parent_id", "kind", "author_type", "title", "body",
                        "created_at", "edited_at", "theme");
    }

    private static Object[] postRow(Export export, PostText post) {
        int author = export.people.number(post.authorId());
        String theme = export.themeMap.map(map -> map.themeOf(post.id())).orElse(null);
        var row = new ArrayList<Object>(12);
        row.addAll(Arrays.asList(post.id(), post.forumId(), post.threadId(), post.parentId(),
                post.isIdea() ? "idea" : "reply"));
        if (export.scope.named()) {
            row.add(export.hidesAuthor(post) ? null : export.people.pseudonym(post.authorId()));
        }
        row.addAll(Arrays.asList(export.showsNoOne(post) ? null : export.people.typeAt(author), post.title(), post.body(), post.createdAt(),
                post.editedAt(), theme));
        return row.toArray();
    }

    private static List<String> reactionColumns(OpenDataScope scope) {
        return scope.named() ? List.of("post_id", "forum_id", "person", "person_type", "kind", "reacted_at")
                : List.of("post_id", "forum_id", "person_type", "kind", "reacted_at");
    }

    private static Object[] reactionRow(Export export, TimedReaction reaction) {
        String type = export.people.typeAt(export.people.number(reaction.personId()));
        String kind = reaction.kind().name().toLowerCase(java.util.Locale.ROOT);
        return export.scope.named()
                ? new Object[] {reaction.postId(), reaction.forumId(), export.people.pseudonym(reaction.personId()),
                        type, kind, reaction.reactedAt()}
                : new Object[] {reaction.postId(), reaction.forumId(), type, kind, reaction.reactedAt()};
    }

    private static List<String> participantColumns(OpenDataScope scope) {
        return scope.named() ? List.of("participant", "pseudonym", "participant_type", "opinion_group", "posts")
                : List.of("participant", "participant_type", "opinion_group", "posts");
    }

    private void writeParticipants(Export export, OpenDataSink sink) {
        var people = export.people;
        for (int number = 0; number < people.size(); number++) {
            long person = people.personAt(number);
            int group = export.groupOf(person);
            Integer groupCell = group == OpinionMemberships.UNGROUPED ? null : group;
            sink.row(export.scope.named()
                    ? new Object[] {number, people.pseudonym(person), people.typeAt(number), groupCell,
                            people.postsAt(number)}
                    : new Object[] {number, people.typeAt(number), groupCell, people.postsAt(number)});
        }
        sink.finish();
    }

    private static void writeThemes(Export export, OpenDataSink sink) {
        export.themeMap.ifPresent(map -> map.themes().forEach(theme -> sink.row(theme.key(), theme.label(),
                theme.size())));
        sink.finish();
    }

    private static void writeGroups(Export export, OpenDataSink sink) {
        export.groupMap.ifPresent(map -> map.groups().forEach(group -> sink.row(group.id(), group.size())));
        sink.finish();
    }

    // ---- Pol.is's export format -------------------------------------------------------------------------------

    /** Pol.is's comments.csv: every exported post is a statement, shown (moderated 1), with its vote counts. */
    private void writeComments(Export export, OutputStream out) {
        var comments = new OpenDataSink.Csv(out, List.of("timestamp", "datetime", "comment-id", "author-id", "agrees",
                "disagrees", "moderated", "comment-body"));
        feed.forEachPostInScope(export.scope.jamId(), export.scope.forumId(), post -> {
            int at = export.postIndex(post.id());
            int author = export.scope.named() && !export.hidesAuthor(post) ? export.people.number(post.authorId()) : -1;
            comments.row(post.createdAt().toEpochMilli(), post.createdAt(), post.id(), author,
                    at < 0 ? 0 : export.agrees[at], at < 0 ? 0 : export.disagrees[at], 1,
                    post.title() == null ? post.body() : post.title() + "\n\n" + post.body());
        });
        comments.finish();
    }

    /**
     * Pol.is's participants-votes.csv: a row per voter with their opinion group, counts and (while the matrix stays
     * small enough, see {@link #MAX_MATRIX_CELLS}) their vote on each statement; read one voter at a time.
     */
    private void writeParticipantsVotes(Export export, OutputStream out) {
        boolean wide = (long) export.people.size() * export.postCount <= MAX_MATRIX_CELLS;
        var columns = new ArrayList<Object>(List.of("participant", "group-id", "n-comments", "n-votes", "n-agree",
                "n-disagree"));
        if (wide) {
            for (int i = 0; i < export.postCount; i++) {
                columns.add(Long.toString(export.postIds[i]));
            }
        }
        var csv = new OpenDataSink.Csv(out, columns.stream().map(Object::toString).toList());
        var voter = new Voter(wide ? export.postCount : 0);
        feed.forEachTimedReaction(export.scope.jamId(), export.scope.forumId(), true, reaction -> {
            if (reaction.personId() != voter.personId) {
                voter.write(export, csv);
                voter.start(reaction.personId());
            }
            voter.add(export.postIndex(reaction.postId()), vote(reaction.kind()));
        });
        voter.write(export, csv);
        csv.finish();
    }

    /** One voter's row of participants-votes.csv, reused from voter to voter. */
    private static final class Voter {

        long personId = -1;
        int votes;
        int agrees;
        int disagrees;
        final Integer[] cells;

        Voter(int columns) {
            cells = new Integer[columns];
        }

        void start(long person) {
            personId = person;
            votes = 0;
            agrees = 0;
            disagrees = 0;
            Arrays.fill(cells, null);
        }

        void add(int column, int vote) {
            votes++;
            agrees += vote > 0 ? 1 : 0;
            disagrees += vote < 0 ? 1 : 0;
            if (column >= 0 && column < cells.length) {
                cells[column] = vote;
            }
        }

        void write(Export export, OpenDataSink csv) {
            if (personId < 0) {
                return;
            }
            int number = export.people.number(personId);
            int group = export.groupOf(personId);
            var row = new Object[6 + cells.length];
            row[0] = number;
            row[1] = group == OpinionMemberships.UNGROUPED ? null : group;
            row[2] = number < 0 ? 0 : export.people.postsAt(number);
            row[3] = votes;
            row[4] = agrees;
            row[5] = disagrees;
            System.arraycopy(cells, 0, row, 6, cells.length);
            csv.row(row);
        }
    }

    private static int vote(ReactionKind kind) {
        return switch (kind) {
            case AGREE -> 1;
            case DISAGREE -> -1;
            case PASS -> 0;
        };
    }

    // ---- entries of one pass ------------------------------------------------------------------------------------

    private OpenDataSink both(Pass pass, List<String> columns) {
        return OpenDataSink.all(List.of(new OpenDataSink.Csv(pass.out(0), columns),
                new OpenDataSink.Json(json.createGenerator(pass.out(1)), columns)));
    }

    /**
     * The zip entries one pass over the data writes: the first goes straight into the zip, the others into
     * temporary files that are copied into the zip when the pass ends (and then deleted), so no pass holds rows.
     */
    private static final class Pass implements AutoCloseable {

        private final ZipOutputStream zip;
        private final String[] names;
        private final OutputStream[] outs;
        private final Path[] spooled;

        Pass(ZipOutputStream zip, String... names) throws IOException {
            this.zip = zip;
            this.names = names;
            this.outs = new OutputStream[names.length];
            this.spooled = new Path[names.length];
            zip.putNextEntry(new ZipEntry(names[0]));
            outs[0] = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the zip stays open for the next entry
                }
            };
            for (int i = 1; i < names.length; i++) {
                spooled[i] = Files.createTempFile("incrowd-open-data", ".part");
                outs[i] = new BufferedOutputStream(Files.newOutputStream(spooled[i]), 1 << 16);
            }
        }

        OutputStream out(int entry) {
            return outs[entry];
        }

        @Override
        public void close() throws IOException {
            try {
                outs[0].flush();
                zip.closeEntry();
                for (int i = 1; i < names.length; i++) {
                    outs[i].close();
                    zip.putNextEntry(new ZipEntry(names[i]));
                    Files.copy(spooled[i], zip);
                    zip.closeEntry();
                }
            } finally {
                for (int i = 1; i < names.length; i++) {
                    try {
                        outs[i].close();
                    } finally {
                        Files.deleteIfExists(spooled[i]);
                    }
                }
            }
        }
    }
}
