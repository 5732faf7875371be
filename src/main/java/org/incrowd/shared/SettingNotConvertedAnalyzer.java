package org.incrowd.shared;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A setting read with {@code @Value} whose text Spring cannot turn into the type it fills ("ten" for a whole number)
 * stops the start with Spring's "Failed to convert value of type 'java.lang.String' to required type 'int'", which
 * does not say which setting. This analyser finds the setting in the {@code @Value} of the injection point that
 * failed and reports it as {@link SettingRejectedAnalyzer} reports a {@link SettingRejected}. Registered in
 * META-INF/spring.factories.
 */
public final class SettingNotConvertedAnalyzer implements FailureAnalyzer {

    /** {@code ${name}} or {@code ${name:default}}: a plain setting, as every Incrowd {@code @Value} is written. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::[^}]*)?}");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SettingRejected rejected = null;
        // The innermost injection point is the one whose text did not convert; outer ones are the beans that needed it.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsatisfiedDependencyException unsatisfied
                    && unsatisfied.getCause() instanceof TypeMismatchException mismatch) {
                SettingRejected here = rejection(unsatisfied.getInjectionPoint(), mismatch);
                rejected = here != null ? here : rejected;
            }
        }
        return rejected == null ? null : SettingRejectedAnalyzer.report(rejected, failure);
    }

    private static SettingRejected rejection(InjectionPoint point, TypeMismatchException mismatch) {
        Value value = point == null ? null : point.getAnnotation(Value.class);
        if (value == null) {
            return null;
        }
        var placeholder = PLACEHOLDER.matcher(value.value().trim());
        if (!placeholder.matches()) {
            return null;
        }
        return new SettingRejected(placeholder.group(1).trim(),
                "must be " + expected(mismatch.getRequiredType()) + ", not " + shown(mismatch.getValue()));
    }

    /** What the setting must look like, in the words of someone editing application.properties. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value Incrowd can read";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number, such as 0.5";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a length of time, such as 30s, 5m or PT30S";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String shown(Object value) {
        return value == null || value.toString().isBlank() ? "nothing" : value.toString();
    }
}
