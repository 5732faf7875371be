package org.incrowd.identity;

import java.util.List;
import org.incrowd.identity.internal.SignInRecords;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;

/** A person's recent sign-ins, for them to see (and for administrators looking into an account). */
@Service
public class SignInHistory {

    private final SignInRecords records;

    SignInHistory(SignInRecords records) {
        this.records = records;
    }

    public List<SignInRecord> latest(Actor actor, long personId, int limit) {
        if (actor.personId() != personId && !actor.isAdministrator() || actor.isGuest()) {
            throw Refusal.forbidden("error.forbidden");
        }
        return records.latest(personId, Math.max(1, Math.min(limit, 1000)));
    }
}
