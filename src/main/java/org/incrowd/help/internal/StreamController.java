package org.incrowd.help.internal;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.PostNotes;
import org.incrowd.help.AnswerLinks;
import org.incrowd.help.Answering;
import org.incrowd.help.HelpQuestions;
import org.incrowd.help.HelpStreams;
import org.incrowd.help.QuestionPage;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.InvitedAccounts;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of a help stream for its readers: the stream (whole, or one topic), a question with its answers, the
 * answer and solution forms, and the link in "your question was answered" mails. Readable by guests where the
 * organisers opened the stream to guests, else by those who may see it.
 */
@Controller
class StreamController {

    private final HelpStreams streams;
    private final HelpQuestions questions;
    private final Answering answering;
    private final AnswerLinks answerLinks;
    private final IdentityService identity;
    private final InvitedAccounts sessions;
    private final CurrentActor currentActor;
    private final List<PostNotes> postNotes;

    StreamController(HelpStreams streams, HelpQuestions questions, Answering answering, AnswerLinks answerLinks,
                     IdentityService identity, InvitedAccounts sessions, CurrentActor currentActor,
                     List<PostNotes> postNotes) {
        this.streams = streams;
        this.questions = questions;
        this.answering = answering;
        this.answerLinks = answerLinks;
        this.identity = identity;
        this.sessions = sessions;
        this.currentActor = currentActor;
        this.postNotes = List.copyOf(postNotes);
    }

    @GetMapping("/help/{jamId}")
    String stream(@PathVariable long jamId, @RequestParam(defaultValue = "0") int page, Model model) {
        return streamPage(jamId, null, page, model, "", FieldErrors.none());
    }

    @GetMapping("/help/{jamId}/topics/{forumId}")
    String topic(@PathVariable long jamId, @PathVariable long forumId, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        return streamPage(jamId, forumId, page, model, "", FieldErrors.none());
    }

    /** Organisers name the organisation answers appear under. */
    @PostMapping("/help/{jamId}/name")
    String name(@PathVariable long jamId, @RequestParam(defaultValue = "") String organisationName, Model model,
                HttpServletResponse response) {
        try {
            streams.nameOrganisation(currentActor.require(), jamId, organisationName);
            return "redirect:/help/" + jamId + "?named";
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return streamPage(jamId, null, 0, model, organisationName, refusal.errors());
        }
    }

    @GetMapping("/help/questions/{questionId}")
    String question(@PathVariable long questionId, @RequestParam(defaultValue = "0") int page, Model model) {
        return questionPage(questionId, page, model, new PostDraft("", "", ""), FieldErrors.none());
    }

    @PostMapping("/help/questions/{questionId}/answers")
    String answer(@PathVariable long questionId, PostDraft draft, Model model, HttpServletResponse response) {
        try {
            var answer = answering.answer(currentActor.require(), questionId, draft);
            return "redirect:/help/questions/" + questionId + "#post-" + answer.id();
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            var errors = refusal.field() != null ? refusal.errors() : FieldErrors.none().add(refusal);
            return questionPage(questionId, 0, model, draft, errors);
        }
    }

    /** The asker marks the answer that solved their question. */
    @PostMapping("/help/questions/{questionId}/solution")
    String solution(@PathVariable long questionId, @RequestParam long answer) {
        questions.markSolution(currentActor.require(), questionId, answer);
        return "redirect:/help/questions/" + questionId + "#post-" + answer;
    }

    /** The link in "your question was answered": signs in once where it is still good, then shows the question. */
    @GetMapping("/help/answered/{token}")
    String answered(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        var followed = answerLinks.follow(token).orElseThrow(() -> Refusal.notFound("help.link.unknown"));
        if (followed.signInPersonId() != null) {
            sessions.signIn(identity.require(followed.signInPersonId()), request, response);
        }
        return "redirect:/help/questions/" + followed.questionId();
    }

    private String streamPage(long jamId, Long topicId, int page, Model model, String organisationName,
                              FieldErrors errors) {
        var actor = currentActor.currentOrGuest();
        var stream = streams.page(actor, jamId, topicId, page);
        model.addAttribute("stream", stream);
        model.addAttribute("mayAsk", !stream.jam().invitationOnly() || !actor.isGuest());
        model.addAttribute("mayName", actor.canOrganise());
        model.addAttribute("organisationName", errors.isEmpty() ? stream.organisationName() : organisationName);
        model.addAttribute("errors", errors);
        return "help/stream";
    }

    private String questionPage(long questionId, int page, Model model, PostDraft draft, FieldErrors errors) {
        var actor = currentActor.currentOrGuest();
        var question = answering.page(actor, questionId, page);
        model.addAttribute("page", question);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("notes", notesFor(question, actor, (Ui) model.getAttribute("ui")));
        return "help/question";
    }

    /** What other modules note under the question and its answers (routing: "assigned to", hand-overs). */
    private Map<Long, List<Content>> notesFor(QuestionPage page, org.incrowd.identity.Actor actor, Ui ui) {
        var posts = new ArrayList<Post>(page.answers().size() + 1);
        posts.add(page.post());
        page.answers().forEach(answer -> posts.add(answer.post()));
        var byPost = new HashMap<Long, List<Content>>();
        for (var source : postNotes) {
            source.notes(page.place(), posts, actor, ui).forEach((postId, note) ->
                    byPost.computeIfAbsent(postId, id -> new ArrayList<>()).add(note));
        }
        return byPost;
    }
}
