package org.incrowd.help;

import java.time.Duration;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.Posting;
import org.incrowd.help.internal.PendingQuestions;
import org.incrowd.identity.Actor;
import org.incrowd.identity.EmailAddress;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.JamService;
import org.incrowd.jam.PostingPolicy;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking in a help stream. Members ask directly. Customers without an account type their address: the question
 * waits, unpublished, until they follow the link mailed there ({@link #CONFIRM_WITHIN}); following it publishes the
 * question once, as an account of theirs (participant type {@code CLIENT}, no password, its address verified by that
 * very link) that joins the stream. The form answers alike whether or not the address has an account, so it tells
 * nobody who uses which address; asking is limited per address and per client address.
 */
@Service
public class Asking {

    /** An unconfirmed question expires this long after it was asked: its link no longer publishes it. */
    public static final Duration CONFIRM_WITHIN = Duration.ofHours(48);
    /** Questions a single address may ask without an account per hour. */
    public static final int PER_ADDRESS_PER_HOUR = 3;
    /** Questions one client address (IP) may ask without an account per hour (an office shares one). */
    public static final int PER_CLIENT_PER_HOUR = 10;

    /** What following a confirmation link did. */
    public enum Outcome {
        /** The question is published now, and its asker signed in. */
        PUBLISHED,
        /** It was published by an earlier click: nothing changed. */
        ALREADY_PUBLISHED,
        /** Too old: the question was never published. */
        EXPIRED,
        /** No such link. */
        UNKNOWN
    }

    /** What a link did, the question it leads to (if any) and whom to sign in (only when it was just published). */
    public record Confirmed(Outcome outcome, Long questionId, Person asker) {
    }

    private final JamService jams;
    private final Posting posting;
    private final PendingQuestions pending;
    private final IdentityService identity;

    Asking(JamService jams, Posting posting, PendingQuestions pending, IdentityService identity) {
        this.jams = jams;
        this.posting = posting;
        this.pending = pending;
        this.identity = identity;
    }

    /** A published help stream that takes questions from people without an account, checked for no reader. */
    public Jam requireOpenStream(long jamId) {
        var jam = jams.findAll(java.util.List.of(jamId)).get(jamId);
        if (jam == null || jam.kind() != JamKind.HELP_STREAM || !jam.published() || jam.invitationOnly()) {
            throw Refusal.notFound("help.stream.notFound");
        }
        return jam;
    }

    /**
     * The stream someone may ask in, for the ask form: one open to people without an account for guests, else one
     * the person may see.
     */
    public Jam requireAskable(Actor actor, long jamId) {
        if (actor.isGuest()) {
            return requireOpenStream(jamId);
        }
        var stream = jams.require(actor, jamId);
        if (!stream.kind().isHelpStream()) {
            throw Refusal.notFound("help.stream.notFound");
        }
        return stream;
    }

    /** The topics a question may be asked in (the stream's forums), for the ask form. */
    public java.util.List<Forum> topics(Jam stream) {
        return jams.forumsOf(stream.id());
    }

    /** A member (or the stream's staff) asks directly; "not sure" goes to the first topic. */
    @Transactional
    public Post ask(Actor actor, long jamId, AskForm form) {
        var stream = jams.require(actor, jamId);
        if (!stream.kind().isHelpStream()) {
            throw Refusal.notFound("help.stream.notFound");
        }
        long topic = topic(stream, form.topicId());
        return posting.startThread(actor, topic, new PostDraft(form.title(), form.body(), ""));
    }

    /**
     * Someone without an account asks: checks what they typed (every problem at once, so the form comes back with
     * all of it), keeps the question unpublished and mails the address a link in {@code language}. The same answer
     * whether or not the address has an account.
     */
    @Transactional
    public void askByMail(long jamId, AskForm form, String clientAddress, String language) {
        var stream = requireOpenStream(jamId);
        var errors = FieldErrors.none();
        String email = EmailAddress.normalise(form.email());
        if (email == null || email.isEmpty()) {
            errors.add("email", "signup.email.required");
        } else if (!EmailAddress.isValid(email)) {
            errors.add("email", "signup.email.invalid");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.length() > 80) {
            errors.add("name", "help.ask.name.tooLong");
        }
        String title = form.title() == null ? "" : form.title().strip();
        String body = form.body() == null ? "" : form.body().strip();
        if (title.isEmpty()) {
            errors.add("title", "post.title.required");
        } else if (title.length() > 200) {
            errors.add("title", "post.title.tooLong");
        }
        if (body.isEmpty()) {
            errors.add("body", "post.body.required");
        } else if (body.length() > 10_000) {
            errors.add("body", "post.body.tooLong");
        }
        if (stream.hasTerms() && !form.acceptsTerms()) {
            errors.add("acceptTerms", "join.terms.required");
        }
        Long topic = form.topicId();
        if (topic != null && jams.forumsOf(stream.id()).stream().noneMatch(forum -> forum.id() == topic)) {
            errors.add("topic", "help.ask.topic.unknown");
        }
        errors.throwIfAny();
        pending.forgetExpired();
        if (pending.askedSince(email, null, Duration.ofHours(1)) >= PER_ADDRESS_PER_HOUR
                || pending.askedSince(null, clientAddress, Duration.ofHours(1)) >= PER_CLIENT_PER_HOUR) {
            throw Refusal.tooMany("help.ask.tooMany");
        }
        pending.add(stream, topic, email, name.isEmpty() ? null : name, title, body, clientAddress, language,
                CONFIRM_WITHIN);
    }

    /**
     * Follows a confirmation link: publishes the question once, as the address's account (made now if it has none),
     * joined to the stream. A second click, or two at once, publish nothing more.
     */
    @Transactional
    public Confirmed confirm(String token) {
        var found = pending.find(token);
        if (found.isEmpty()) {
            return new Confirmed(Outcome.UNKNOWN, null, null);
        }
        var question = found.get();
        if (question.questionId() != null) {
            return new Confirmed(Outcome.ALREADY_PUBLISHED, question.questionId(), null);
        }
        if (question.expired(jams.now()) || !pending.claim(question.id())) {
            return new Confirmed(Outcome.EXPIRED, null, null);
        }
        var asker = identity.confirmedByMail(question.email(), question.name(), ParticipantType.CLIENT);
        var actor = asker.asActor();
        var stream = jams.require(actor, question.jamId());
        if (!jams.isMember(stream.id(), asker.id()) && !jams.isOrganiserOrStaff(actor, stream.id())) {
            jams.join(actor, stream.id(), true); // they accepted the terms on the form
        }
        var post = posting.startThread(actor, topic(stream, question.forumId()),
                new PostDraft(question.title(), question.body(), ""));
        pending.published(question.id(), post.id());
        return new Confirmed(Outcome.PUBLISHED, post.id(), asker);
    }

    /** The topic asked in: the chosen one of this stream, or for "not sure" the stream's first topic. */
    private long topic(Jam stream, Long chosen) {
        var topics = jams.forumsOf(stream.id());
        if (topics.isEmpty()) {
            throw Refusal.conflict("help.ask.noTopics");
        }
        if (chosen == null) {
            return topics.getFirst().id();
        }
        return topics.stream().filter(forum -> forum.id() == chosen).findFirst()
                .orElseThrow(() -> Refusal.invalid("topic", "help.ask.topic.unknown")).id();
    }

    /** Whether the stream takes new questions now (it is open). */
    public boolean open(Jam stream) {
        return PostingPolicy.acceptsPosts(stream, jams.now());
    }
}
