package org.incrowd.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link SettingRejected}, wherever Spring wrapped it, into Spring Boot's "APPLICATION FAILED TO START"
 * report: what is wrong with which setting, and where to change it. Registered in META-INF/spring.factories.
 */
public final class SettingRejectedAnalyzer extends AbstractFailureAnalyzer<SettingRejected> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingRejected cause) {
        return report(cause, cause);
    }

    /** The report for any rejected setting: what is wrong, and where to change it; {@code cause} goes to the debug log. */
    static FailureAnalysis report(SettingRejected rejected, Throwable cause) {
        return new FailureAnalysis(rejected.getMessage(),
                "Change " + rejected.setting() + " (in application.properties, as an environment variable, or as --"
                        + rejected.setting() + "=... after ./incrowd run) and start Incrowd again.",
                cause);
    }
}
