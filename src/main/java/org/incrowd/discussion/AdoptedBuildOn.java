package org.incrowd.discussion;

import java.time.Instant;

/** A build-on (a reply) the idea's author or team adopted into the idea: the builder's contribution is part of it. */
public record AdoptedBuildOn(long buildOnId, long ideaId, long builderId, String builderName, long adopterId,
                             Instant adoptedAt) {
}
