package org.incrowd.shared;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

/**
 * A setting whose text Spring cannot use stops the start with a message that does not say which setting: "Failed to
 * convert value of type 'java.lang.String' to required type 'int'" for a {@code @Value} ("ten" for a whole number),
 * "Encountered invalid @Scheduled method 'sendDue': Invalid fixedDelayString value" for a schedule. This analyser
 * finds the setting in the {@code @Value} of the injection point, or in the {@code @Scheduled} of the method, that
 * failed, and reports it as {@link SettingRejectedAnalyzer} reports a {@link SettingRejected}. Registered in
 * META-INF/spring.factories.
 */
public final class SettingNotConvertedAnalyzer implements FailureAnalyzer {

    /**
     * {@code ${name}} or {@code ${name:default}}: the whole of a plain {@code @Value}, as every Incrowd one is written,
     * or the first setting inside a schedule ("0 0 ${incrowd.notify.digest-hour:7} * * *").
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::[^}]*)?}");
    /** Spring's words for a schedule it could not read (ScheduledAnnotationBeanPostProcessor). */
    private static final Pattern INVALID_SCHEDULE =
            Pattern.compile("Encountered invalid @Scheduled method '([^']+)': (.*)", Pattern.DOTALL);
    private static final Pattern INVALID_SCHEDULE_VALUE =
            Pattern.compile("Invalid (\\w+) value \"([^\"]*)\".*", Pattern.DOTALL);

    private final BeanFactory beans;

    /** Spring Boot passes the application's bean factory, to find the class of a bean that could not be made. */
    public SettingNotConvertedAnalyzer(BeanFactory beans) {
        this.beans = beans;
    }

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
            if (cause instanceof BeanCreationException creation && creation.getBeanName() != null
                    && creation.getCause() instanceof IllegalStateException invalid && invalid.getMessage() != null) {
                SettingRejected here = scheduleRejection(creation.getBeanName(), invalid.getMessage());
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

    private SettingRejected scheduleRejection(String beanName, String message) {
        var invalid = INVALID_SCHEDULE.matcher(message);
        Class<?> type = beans == null || !invalid.matches() ? null : beans.getType(beanName);
        if (type == null) {
            return null;
        }
        for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
            Scheduled scheduled = method.getAnnotation(Scheduled.class);
            if (scheduled != null && method.getName().equals(invalid.group(1))) {
                return scheduleRejection(scheduled, invalid.group(2));
            }
        }
        return null;
    }

    /** "Invalid fixedDelayString value "fast"" names the attribute; a cron's own complaint is passed on as it is. */
    private static SettingRejected scheduleRejection(Scheduled scheduled, String problem) {
        var value = INVALID_SCHEDULE_VALUE.matcher(problem);
        String attribute = value.matches() ? value.group(1) : "cron";
        String written = switch (attribute) {
            case "fixedDelayString" -> scheduled.fixedDelayString();
            case "fixedRateString" -> scheduled.fixedRateString();
            case "initialDelayString" -> scheduled.initialDelayString();
            default -> scheduled.cron();
        };
        var placeholder = PLACEHOLDER.matcher(written);
        if (!placeholder.find()) {
            return null;
        }
        return new SettingRejected(placeholder.group(1).trim(), value.matches()
                ? "must be a whole number of " + scheduled.timeUnit().name().toLowerCase(Locale.ROOT)
                        + " or a length of time such as 30s, not " + shown(value.group(2))
                : "does not make a valid schedule: " + problem);
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
