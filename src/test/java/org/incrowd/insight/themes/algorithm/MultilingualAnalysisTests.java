package org.incrowd.insight.themes.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.text.Language;
import org.junit.jupiter.api.Test;

/** Themes in posts of several languages: each post analysed with its language's analyzer. */
class MultilingualAnalysisTests {

    private final TextAnalysis analysis = new TextAnalysis();

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
