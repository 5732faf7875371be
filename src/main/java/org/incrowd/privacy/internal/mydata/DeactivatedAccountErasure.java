package org.incrowd.privacy.internal.mydata;

import java.time.Instant;
import org.incrowd.identity.IdentityService;
import org.incrowd.privacy.AccountDeletion;
import org.incrowd.shared.RetainedRecords;
import org.springframework.stereotype.Component;

/**
 * Retention of personal data (ADR 44): an account deactivated longer than the administrators' period is erased by the
 * same deletion a person asks for, under the same policy for their posts; the retention run is the actor (0).
 */
@Component
class DeactivatedAccountErasure implements RetainedRecords {

    private final IdentityService identity;
    private final AccountDeletion deletion;

    DeactivatedAccountErasure(IdentityService identity, AccountDeletion deletion) {
        this.identity = identity;
        this.deletion = deletion;
    }

    @Override
    public String kind() {
        return "personal-data";
    }

    @Override
    public int removeOlderThan(Instant cutoff) {
        var ids = identity.deactivatedBefore(cutoff);
        ids.forEach(id -> deletion.erase(id, 0));
        return ids.size();
    }
}
