package org.incrowd.outreach.internal;

import java.util.List;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.outreach.ShortLink;
import org.incrowd.shared.FieldErrors;

/**
 * The Jam's short links page: its links with their visits, and the form for a new one as typed ({@code slug},
 * {@code forumId}), kept whole when it is refused. {@code doneKey}: the message of what was just done, or null.
 */
public record LinksPage(Jam jam, List<Forum> forums, List<ShortLink> links, String slug, Long forumId,
                        FieldErrors errors, String publicBase, String doneKey) {

    /** Where the link leads, in words: the forum's title, or the Jam's. */
    public String targetTitle(ShortLink link) {
        if (link.forumId() == null) {
            return jam.title();
        }
        return forums.stream().filter(f -> f.id() == link.forumId()).map(Forum::title).findFirst().orElse(jam.title());
    }

    /** The full address to print or send: {@code https://jams.example.org/s/town-hall}. */
    public String url(ShortLink link) {
        return publicBase + link.path();
    }
}
