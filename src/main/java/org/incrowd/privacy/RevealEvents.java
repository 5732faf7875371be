package org.incrowd.privacy;

/** What happens when a hidden author is revealed (ADR 43), for the modules that tell people about it. */
public final class RevealEvents {

    private RevealEvents() {
    }

    /**
     * Two administrators revealed who wrote a post in a pseudonymous or anonymous forum: {@code requestedBy} asked,
     * with {@code reason}, and {@code approvedBy} approved. Published in the approval's transaction; the author is
     * told, no one else.
     */
    public record AuthorRevealed(long postId, long jamId, long authorId, long requestedBy, long approvedBy,
                                 String reason) {
    }
}
