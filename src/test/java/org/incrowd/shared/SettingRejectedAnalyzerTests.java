package org.incrowd.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * An operator who starts Incrowd with a setting it cannot use reads one short report naming the setting and what to
 * do, not the setting buried at the end of a chain of bean creation errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingRejectedAnalyzerTests {

    @Test
    void aRejectedSettingStopsTheStartWithAShortReportThatNamesIt(CapturedOutput output) {
        assertThat(reportOnStarting(NeedsAWholeNumber.class, "--incrowd.example.size=huge", output))
                .contains("incrowd.example.size must be a whole number, not huge")
                .contains("Change incrowd.example.size (in application.properties, as an environment variable, or as"
                        + " --incrowd.example.size=... after ./incrowd run) and start Incrowd again.");
    }

    @Test
    void aSettingThatIsNotTheRightKindOfValueIsNamedInTheReport(CapturedOutput output) {
        assertThat(reportOnStarting(ReadsAWholeNumber.class, "--incrowd.example.count=ten", output))
                .contains("incrowd.example.count must be a whole number, not ten")
                .contains("Change incrowd.example.count (in application.properties");
    }

    @Test
    void aScheduleThatCannotBeReadNamesItsSettingInTheReport(CapturedOutput output) {
        assertThat(reportOnStarting(SchedulesWork.class, "--incrowd.example.every-ms=fast", output))
                .contains("incrowd.example.every-ms must be a whole number of milliseconds or a length of time such"
                        + " as 30s, not fast")
                .contains("Change incrowd.example.every-ms (in application.properties");
    }

    /** Starts a small application with the setting, which must fail, and returns Spring Boot's report of why. */
    private static String reportOnStarting(Class<?> source, String setting, CapturedOutput output) {
        var application = new SpringApplication(source);
        application.setWebApplicationType(WebApplicationType.NONE);
        // No file log: the application's own logging.file.name would write into ./data for the rest of this JVM.
        assertThatThrownBy(() -> application.run(setting, "--logging.file.name="))
                .isInstanceOf(BeanCreationException.class);
        String console = output.getOut() + output.getErr();
        assertThat(console).contains("APPLICATION FAILED TO START");
        return console.substring(console.lastIndexOf("APPLICATION FAILED TO START"));
    }

    @Test
    void theReportSaysWhatEachKindOfSettingMustLookLike() {
        assertThat(SettingNotConvertedAnalyzer.expected(boolean.class)).isEqualTo("true or false");
        assertThat(SettingNotConvertedAnalyzer.expected(java.time.Duration.class))
                .isEqualTo("a length of time, such as 30s, 5m or PT30S");
        assertThat(SettingNotConvertedAnalyzer.expected(java.time.DayOfWeek.class)).startsWith("one of [MONDAY, ");
    }

    /** Not a {@code @Configuration}: other tests' nodes scan org.incrowd for those, and must not find this one. */
    static class NeedsAWholeNumber {

        @Bean
        Integer size(org.springframework.core.env.Environment environment) {
            String size = environment.getProperty("incrowd.example.size", "1");
            if (!size.matches("\\d+")) {
                throw new SettingRejected("incrowd.example.size", "must be a whole number, not " + size);
            }
            return Integer.valueOf(size);
        }
    }

    static class ReadsAWholeNumber {

        @Bean
        Integer count(@Value("${incrowd.example.count:3}") int count) {
            return count;
        }
    }

    @EnableScheduling
    static class SchedulesWork {

        @Bean
        Ticker ticker() {
            return new Ticker();
        }
    }

    static class Ticker {

        @Scheduled(fixedDelayString = "${incrowd.example.every-ms:1000}")
        void tick() {
            // nothing: the test is about reading the schedule
        }
    }
}
