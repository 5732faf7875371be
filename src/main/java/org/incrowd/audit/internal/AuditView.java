package org.incrowd.audit.internal;

import java.util.List;
import org.incrowd.audit.AuditCheck;
import org.incrowd.audit.AuditPage;
import org.incrowd.audit.AuditSearch;
import org.incrowd.shared.FieldErrors;

/** What the audit page shows: the search as typed, its problems, the page found (null when refused), the check. */
public record AuditView(AuditSearch search, FieldErrors errors, AuditPage found, AuditCheck check,
                        List<String> actions) {
}
