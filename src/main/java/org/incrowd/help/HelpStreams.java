package org.incrowd.help;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.Reading;
import org.incrowd.help.internal.HelpStreamRows;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Help streams as their readers see them: the stream page, and the name the organisation answers under. */
@Service
public class HelpStreams {

    /** The longest organisation name a stream shows above its answers. */
    public static final int MAX_NAME = 120;

    private final HelpQuestions questions;
    private final HelpStreamRows streams;
    private final JamService jams;
    private final Reading reading;

    HelpStreams(HelpQuestions questions, HelpStreamRows streams, JamService jams, Reading reading) {
        this.questions = questions;
        this.streams = streams;
        this.jams = jams;
        this.reading = reading;
    }

    /** A help stream the actor may read, or a 404 refusal (an ordinary Jam is no help stream). */
    public Jam require(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!jam.kind().isHelpStream()) {
            throw Refusal.notFound("help.stream.notFound");
        }
        return jam;
    }

    /** The name answers appear under: the one the organisers chose, else the stream's title. */
    public String organisationName(Jam stream) {
        return streams.organisationName(stream.id()).orElse(stream.title());
    }

    /** Organisers name the organisation their stream answers as ("Northwind Support"). */
    @Transactional
    public void nameOrganisation(Actor actor, long jamId, String name) {
        var stream = require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("help.name.organisersOnly");
        }
        String cleaned = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        if (cleaned.isEmpty()) {
            throw Refusal.invalid("organisationName", "help.name.required");
        }
        if (cleaned.length() > MAX_NAME) {
            throw Refusal.invalid("organisationName", "help.name.tooLong", MAX_NAME);
        }
        streams.name(stream.id(), cleaned);
    }

    /** A page of the stream (or of one of its topics), in the stream's order, for someone who may read it. */
    @Transactional(readOnly = true)
    public StreamPage page(Actor actor, long jamId, Long topicId, int page) {
        var stream = require(actor, jamId);
        var topics = jams.forumsOf(stream.id());
        Forum topic = null;
        if (topicId != null) {
            topic = topics.stream().filter(forum -> forum.id() == topicId).findFirst()
                    .orElseThrow(() -> Refusal.notFound("forum.notFound"));
        }
        int current = Math.clamp(page, 0, 100_000);
        var rows = questions.stream(actor, stream.id(), topicId, StreamPage.PER_PAGE + 1,
                current * StreamPage.PER_PAGE);
        boolean hasMore = rows.size() > StreamPage.PER_PAGE;
        var shown = rows.subList(0, Math.min(rows.size(), StreamPage.PER_PAGE));
        var posts = reading.find(actor, shown.stream().map(HelpQuestion::questionId).toList()).stream()
                .collect(Collectors.toMap(Post::id, Function.identity()));
        var now = jams.now();
        var items = new ArrayList<StreamPage.Item>(shown.size());
        for (var question : shown) {
            var post = posts.get(question.questionId());
            if (post != null) {
                items.add(new StreamPage.Item(question, post, question.waited(now)));
            }
        }
        return new StreamPage(stream, organisationName(stream), topics, topic, List.copyOf(items), current, hasMore);
    }
}
