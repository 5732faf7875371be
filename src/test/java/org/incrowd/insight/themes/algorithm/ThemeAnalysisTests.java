package org.incrowd.insight.themes.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThemeAnalysisTests {

    static final List<String> BIKES = ThemeAnalysisTestData.BIKES;
    static final List<String> CANTEEN = ThemeAnalysisTestData.CANTEEN;

    static List<ThemeDocument> posts(List<String> texts) {
        return texts.stream().map(ThemeDocument::of).toList();
    }

    static List<String> both() {
        return ThemeAnalysisTestData.bothTopics();
    }

    @Test
    void twoObviousTopicsGiveTwoThemesWithSensibleLabels() {
        ThemeResult result = ThemeAnalysis.analyse(posts(both()), ThemeSettings.DEFAULT.withThemes(2));

        assertThat(result.themes()).hasSize(2);
        assertThat(result.themes()).extracting(Theme::size).containsExactly(10, 10);
        String bikeLabel = result.themes().get(result.theme(0)).label();
        String canteenLabel = result.themes().get(result.theme(10)).label();
        assertThat(bikeLabel).containsAnyOf("bike", "cycl");
        assertThat(canteenLabel).containsAnyOf("canteen", "food", "lunch");
        for (int row = 0; row < 10; row++) {
            assertThat(result.theme(row)).isEqualTo(result.theme(0));
            assertThat(result.theme(10 + row)).isEqualTo(result.theme(10));
        }
        assertThat(result.theme(0)).isNotEqualTo(result.theme(10));
        assertThat(result.themes().getFirst().representatives()).hasSizeLessThanOrEqualTo(5).isNotEmpty();
    }

    @Test
    void shuffledInputGivesIdenticalThemesLabelsAndAssignments() {
        List<String> texts = both();
        ThemeResult first = ThemeAnalysis.analyse(posts(texts), ThemeSettings.DEFAULT);
        for (long seed = 1; seed <= 3; seed++) {
            var shuffled = new ArrayList<>(texts);
            Collections.shuffle(shuffled, new Random(seed));
            ThemeResult again = ThemeAnalysis.analyse(posts(shuffled), ThemeSettings.DEFAULT);

            assertThat(again.themes()).extracting(Theme::label).isEqualTo(first.themes().stream().map(Theme::label).toList());
            assertThat(again.themes()).extracting(Theme::size).isEqualTo(first.themes().stream().map(Theme::size).toList());
            for (int t = 0; t < first.themes().size(); t++) {
                assertThat(again.themes().get(t).representatives().stream().map(shuffled::get).toList())
                        .isEqualTo(first.themes().get(t).representatives().stream().map(texts::get).toList());
            }
            for (int row = 0; row < shuffled.size(); row++) {
                assertThat(again.theme(row)).isEqualTo(first.theme(texts.indexOf(shuffled.get(row))));
            }
        }
    }

    @Test
    void placesANewPostInTheRightTheme() {
        ThemeResult result = ThemeAnalysis.analyse(posts(both()), ThemeSettings.DEFAULT.withThemes(2));

        assertThat(result.model().assign(ThemeDocument.of("Please build bike lanes so I can cycle safely")))
                .isEqualTo(result.theme(0));
        assertThat(result.model().assign(ThemeDocument.of("The canteen food at lunch is cold")))
                .isEqualTo(result.theme(10));
        assertThat(result.model().assign(ThemeDocument.of("zzz qqq"))).isNull();
    }

    @Test
    void aThemeWhosePostsAreAllRecentIsEmerging() {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        var docs = new ArrayList<ThemeDocument>();
        for (int i = 0; i < BIKES.size(); i++) { // bikes all through the Jam
            docs.add(new ThemeDocument(BIKES.get(i), start.plusSeconds(3600L * 10 * i)));
        }
        for (int i = 0; i < CANTEEN.size(); i++) { // canteen only in the last hours
            docs.add(new ThemeDocument(CANTEEN.get(i), start.plusSeconds(3600L * 90 + 600L * i)));
        }
        ThemeResult result = ThemeAnalysis.analyse(docs, ThemeSettings.DEFAULT.withThemes(2));

        Theme canteen = result.themes().get(result.theme(10));
        Theme bikes = result.themes().get(result.theme(0));
        assertThat(canteen.trend()).isEqualTo(Trend.EMERGING);
        assertThat(bikes.trend()).isIn(Trend.FADING, Trend.STEADY);
        assertThat(canteen.windows()).hasSize(4);
        assertThat(result.emergingTerms()).anyMatch(term -> term.contains("canteen") || term.contains("food"));
    }

    @Test
    void postsWithoutTimesAreSteady() {
        ThemeResult result = ThemeAnalysis.analyse(posts(both()), ThemeSettings.DEFAULT.withThemes(2));

        assertThat(result.themes()).allMatch(theme -> theme.trend() == Trend.STEADY && theme.windows().isEmpty());
        assertThat(result.emergingTerms()).isEmpty();
    }

    @Test
    void emptyAndTinyInputsGiveAClearResult() {
        ThemeResult empty = ThemeAnalysis.analyse(List.of(), ThemeSettings.DEFAULT);
        assertThat(empty.themes()).isEmpty();
        assertThat(empty.size()).isZero();
        assertThat(empty.model().assign(ThemeDocument.of("bike lanes"))).isNull();

        ThemeResult one = ThemeAnalysis.analyse(posts(List.of("Bike lanes please")), ThemeSettings.DEFAULT);
        assertThat(one.themes()).hasSize(1);
        assertThat(one.theme(0)).isZero();
        assertThat(one.themes().getFirst().label()).isNotBlank();

        ThemeResult noWords = ThemeAnalysis.analyse(posts(List.of("", "the and of", "?!")), ThemeSettings.DEFAULT);
        assertThat(noWords.themes()).isEmpty();
        assertThat(IntStream.range(0, 3).mapToObj(noWords::theme)).containsOnlyNulls();
    }

    @Test
    void choosesTheNumberOfThemesFromTheNumberOfPosts() {
        assertThat(ThemeCount.choose(0)).isZero();
        assertThat(ThemeCount.choose(1)).isEqualTo(1);
        assertThat(ThemeCount.choose(200)).isEqualTo(10);
        assertThat(ThemeCount.choose(10_000)).isEqualTo(71);
        assertThat(ThemeCount.choose(2_000_000)).isEqualTo(ThemeCount.MAX);
    }
}
