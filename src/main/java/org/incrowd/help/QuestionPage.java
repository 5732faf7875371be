package org.incrowd.help;

import java.util.List;
import java.util.Optional;
import org.incrowd.discussion.Post;
import org.incrowd.jam.Jam;
import org.incrowd.jam.Place;

/**
 * A question as its page shows it: the question, then its answers (shown under the organisation's name, with the
 * answerer's name and role beneath) and the asker's follow-ups.
 *
 * @param asker    whether the reader asked it (they mark the solution)
 * @param mayWrite whether the reader may write here now (answer, or follow up on their own question)
 * @param answerer whether the reader answers for the organisation
 */
public record QuestionPage(Jam stream, String organisationName, Place place, HelpQuestion question, Post post,
                           List<Answer> answers, int page, int pages, boolean asker, boolean mayWrite,
                           boolean answerer) {

    /**
     * A reply in the question's thread: an answer by someone of the organisation, or a follow-up by the asker.
     *
     * @param role the answerer's job role, or null
     */
    public record Answer(Post post, boolean isAnswer, String role, boolean solution) {
    }

    /** The answer the asker marked as the one that solved it, where it is on this page. */
    public Optional<Answer> solution() {
        return answers.stream().filter(Answer::solution).findFirst();
    }
}
