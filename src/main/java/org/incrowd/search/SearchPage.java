package org.incrowd.search;

import java.util.List;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.shared.FieldErrors;

/**
 * One page of search results with what the filter form offers: the Jams the reader may see and their forums.
 * {@code complete} is false while the index is still being built after a start (older posts may be missing);
 * {@code stopped} when the search ran out of time (the results may be incomplete); {@code errors} say why a search
 * was refused, while the form keeps what was typed.
 */
public record SearchPage(SearchForm form, boolean searched, long total, List<FoundPost> results, int page, int pages,
                         List<Jam> jams, List<Forum> forums, boolean complete, boolean stopped, FieldErrors errors) {

    /** The form as sent, with the reason it was refused and no results. */
    static SearchPage refused(SearchForm form, List<Jam> jams, List<Forum> forums, FieldErrors errors,
                              boolean complete) {
        return new SearchPage(form, false, 0, List.of(), 1, 0, jams, forums, complete, false, errors);
    }
}
