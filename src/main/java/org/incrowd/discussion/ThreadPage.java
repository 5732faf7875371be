package org.incrowd.discussion;

import java.util.List;

/** An idea and one page of the replies that build on it, in conversation order (each reply after its parent). */
public record ThreadPage(Post idea, List<Post> replies, int page, int pages) {
}
