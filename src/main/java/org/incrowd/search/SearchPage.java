package org.incrowd.search;

import java.util.List;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;

/**
 * One page of search results with what the filter form offers: the Jams the reader may see and their forums.
 * {@code complete} is false while the index is still being built after a start (older posts may be missing).
 */
public record SearchPage(SearchForm form, boolean searched, long total, List<FoundPost> results, int page, int pages,
                         List<Jam> jams, List<Forum> forums, boolean complete) {
}
