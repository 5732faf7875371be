package org.incrowd.insight.themes.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectionTests {

    private final LanguageDetection detection = new LanguageDetection(Language.ENGLISH);
    private final TextAnalysis analysis = new TextAnalysis();

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

    @Test
    void analysesEachLanguageWithItsOwnAnalyzer() {
        assertThat(terms("Die Fahrräder stehen vor dem Gebäude", Language.GERMAN)).contains("fahrrad").doesNotContain("die");
        assertThat(terms("Les repas de la cantine sont chers", Language.FRENCH)).contains("cantin").doesNotContain("les");
        assertThat(terms("Las bicicletas necesitan aparcamiento", Language.SPANISH)).contains("biciclet")
                .doesNotContain("las");
        assertThat(terms("我们需要更多的自行车道", Language.CHINESE)).contains("自行车").doesNotContain("我们需要更多的自行车道");
        assertThat(terms("The bikes are parked", Language.ENGLISH)).contains("bike", "bike park").doesNotContain("the");
    }

    @Test
    void mixedLanguagesFormThemesByTopicNotByAccident() {
        var texts = List.of("Fahrradständer vor dem Gebäude sind immer voll", "Mehr Fahrradständer für die Fahrräder",
                "Die Fahrräder brauchen Fahrradständer", "我们需要更多的自行车道", "自行车道太少了", "更多的自行车道");
        ThemeResult result = ThemeAnalysis.analyse(texts.stream().map(ThemeDocument::of).toList(),
                ThemeSettings.DEFAULT.withThemes(2));
        assertThat(result.theme(0)).isEqualTo(result.theme(1)).isEqualTo(result.theme(2));
        assertThat(result.theme(3)).isEqualTo(result.theme(4)).isEqualTo(result.theme(5));
        assertThat(result.theme(0)).isNotEqualTo(result.theme(3));
    }

    private List<String> terms(String text, Language language) {
        var terms = new ArrayList<String>();
        analysis.terms(text, language, (term, start, end) -> terms.add(term));
        return terms;
    }
}
