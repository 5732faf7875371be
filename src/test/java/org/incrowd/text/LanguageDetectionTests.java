package org.incrowd.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectionTests {

    private final LanguageDetection detection = new LanguageDetection(Language.ENGLISH);

    @Test
    void detectsTheLanguageOfAPost() {
        assertThat(detection.detect("Wir brauchen mehr Fahrradständer vor dem Gebäude, weil die alten immer voll sind"))
                .isEqualTo(Language.GERMAN);
        assertThat(detection.detect("Nous voulons une cantine moins chère et des repas végétariens pour les équipes"))
                .isEqualTo(Language.FRENCH);
        assertThat(detection.detect("Queremos más aparcamiento para bicicletas y duchas en la oficina para los empleados"))
                .isEqualTo(Language.SPANISH);
        assertThat(detection.detect("我们需要在办公室附近建更多的自行车道")).isEqualTo(Language.CHINESE);
        assertThat(detection.detect("We need more bike racks at the office because they are always full"))
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void postsThatCannotBeToldFallBackToTheMainLanguage() {
        assertThat(new LanguageDetection(Language.GERMAN).detect("ok")).isEqualTo(Language.GERMAN);
    }
}
