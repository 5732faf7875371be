package org.incrowd.help.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.Reading;
import org.incrowd.help.HelpQuestion;
import org.incrowd.help.HelpQuestions;
import org.incrowd.identity.Actor;
import org.incrowd.shared.PublicUrl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stream as it is read outside Incrowd: the embedded page (the stream's own order, so waiting questions show
 * first) and the Atom feed (newest questions first, as feed readers expect). Titles are read through the discussion
 * module for the reader, so a hidden question shows in neither.
 */
@Service
class StreamOutside {

    private final HelpQuestions helpQuestions;
    private final Expertise expertise;
    private final Reading reading;
    private final JdbcClient jdbc;
    private final HelpQuestionRows helpQuestionRows;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    StreamOutside(HelpQuestions helpQuestions, Expertise expertise, Reading reading, JdbcClient jdbc,
                  HelpQuestionRows helpQuestionRows, PublicUrl publicUrl, MessageSource messages) {
        this.helpQuestions = helpQuestions;
        this.expertise = expertise;
        this.reading = reading;
        this.jdbc = jdbc;
        this.helpQuestionRows = helpQuestionRows;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    HelpPages.EmbedPage latest(Actor actor, long jamId, int limit, boolean newestFirst) {
        var jam = expertise.requireStream(actor, jamId);
        List<HelpQuestion> questions = newestFirst ? newest(jamId, limit)
                : helpQuestions.stream(actor, jamId, null, limit, 0);
        var titles = new HashMap<Long, String>();
        for (Post post : reading.find(actor, questions.stream().map(HelpQuestion::questionId).toList())) {
            if (!post.moderation().hidden()) {
                titles.put(post.id(), post.title());
            }
        }
        var lines = questions.stream().filter(question -> titles.containsKey(question.questionId()))
                .map(question -> new HelpPages.EmbedLine(question, titles.get(question.questionId()))).toList();
        return new HelpPages.EmbedPage(jam, lines);
    }

    /** The page as an Atom 1.0 feed (RFC 4287); the XML writer escapes every text. */
    String atom(HelpPages.EmbedPage page) {
        var locale = LocaleContextHolder.getLocale();
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            String self = publicUrl.absolute("/help/" + page.jam().id() + "/feed.atom");
            text(xml, "id", self);
            text(xml, "title", page.jam().title());
            Instant updated = page.lines().stream().map(line -> updated(line.question())).max(Instant::compareTo)
                    .orElse(page.jam().startsAt());
            text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(xml, "self", self);
            link(xml, "alternate", publicUrl.absolute("/jams/" + page.jam().id()));
            xml.writeStartElement("author");
            text(xml, "name", page.jam().title());
            xml.writeEndElement();
            for (var line : page.lines()) {
                var question = line.question();
                String url = publicUrl.absolute("/threads/" + question.questionId());
                xml.writeStartElement("entry");
                text(xml, "id", url);
                text(xml, "title", line.title());
                text(xml, "published", DateTimeFormatter.ISO_INSTANT.format(question.askedAt()));
                text(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated(question)));
                link(xml, "alternate", url);
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", question.status().name());
                xml.writeAttribute("label", messages.getMessage(question.status().messageKey(),
                        null, locale));
                text(xml, "summary", messages.getMessage("help.feed.summary", new Object[] {
                        messages.getMessage(question.status().messageKey(), null, locale),
                        question.answers()}, locale));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private List<HelpQuestion> newest(long jamId, int limit) {
        var ids = jdbc.sql("select question_id from help_question where jam_id = ? order by asked_at desc,"
                + " question_id desc limit ?").params(jamId, limit).query(Long.class).list();
        return ids.stream().map(id -> helpQuestionRows.find(id)).flatMap(java.util.Optional::stream).toList();
    }

    private static Instant updated(HelpQuestion question) {
        Instant latest = question.lastAnswerAt() == null ? question.askedAt() : question.lastAnswerAt();
        return question.solvedAt() != null && question.solvedAt().isAfter(latest) ? question.solvedAt() : latest;
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
