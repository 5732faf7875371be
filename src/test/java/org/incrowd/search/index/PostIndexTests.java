package org.incrowd.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index on its own: words are matched in each post's language, whatever stop words the reader types; prefixes
 * and fuzzy words match words as written; what a search may cost is bounded.
 */
class PostIndexTests {

    static final long JAM = 1;

    @TempDir
    Path folder;
    PostIndex index;
    final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);

    @BeforeEach
    void open() {
        index = PostIndex.open(folder);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void stopWordsOfOneLanguageDoNotHidePostsOfAnother() {
        add(1, "The right to die with dignity is the patient's choice");
        add(2, "Die Mieten in der Stadt steigen jedes Jahr");

        assertThat(ids("the right to die")).containsExactly(1L);
        assertThat(ids("die Mieten")).containsExactly(2L);
    }

    @Test
    void frenchAndSpanishPostsAreFoundByAnotherFormOfTheirWords() {
        add(1, "Les transports publics doivent être gratuits pour les étudiants");
        add(2, "Necesitamos más bibliotecas públicas en los barrios de la ciudad");

        assertThat(ids("transport")).containsExactly(1L);
        assertThat(ids("biblioteca")).containsExactly(2L);
    }

    @Test
    void aPostIsSearchableAfterARefreshWithoutACommitAndKeepsItsProgressAfterOne() {
        add(1, "Cargo bikes for the post room");
        assertThat(ids("cargo")).containsExactly(1L);

        index.commit(new PostIndex.Progress(1, Instant.parse("2026-11-23T10:00:00Z")));
        index.close();
        index = PostIndex.open(folder);

        assertThat(index.committedProgress()).isEqualTo(new PostIndex.Progress(1, Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(ids("cargo")).containsExactly(1L);
    }

    @Test
    void anIndexOfAnEarlierFormatReportsNoProgressSoThatItIsBuiltAnew() throws Exception {
        index.close();
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder);
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            writer.setLiveCommitData(java.util.Map.of("lastPostId", "5", "lastEdit", "2026-11-23T10:00:00Z")
                    .entrySet());
            writer.commit();
        }
        index = PostIndex.open(folder);

        assertThat(index.committedProgress()).isEqualTo(PostIndex.Progress.NONE);
    }

    @Test
    void prefixesFindWordsThatStemmingShortens() {
        add(1, "Urbanization pushes rents up in every district");
        add(2, "Vocational training for drivers and mechanics");

        assertThat(ids("urbaniz*")).containsExactly(1L);
        assertThat(ids("vocation*")).containsExactly(2L);
        assertThat(ids("vocation* drivers")).containsExactly(2L);
    }

    @Test
    void fuzzyWordsFindOtherSpellings() {
        add(1, "Urbanization pushes rents up in every district");

        assertThat(ids("urbanisation~1")).containsExactly(1L);
    }

    @Test
    void aSearchThatWouldExpandTooManyWordsIsRefusedBeforeItRuns() {
        add(1, "A quiet room on every floor");
        String fuzzy = String.join(" ", java.util.Collections.nCopies(125, "a~2"));
        String long_ = String.join(" ", java.util.Collections.nCopies(MultilingualQueryParser.MAX_WORDS + 1, "room"));

        assertThatThrownBy(() -> ids(fuzzy)).isInstanceOfSatisfying(QueryTooCostly.class, refused -> {
            assertThat(refused.reason()).isEqualTo(QueryTooCostly.Reason.PATTERNS);
            assertThat(refused.limit()).isEqualTo(MultilingualQueryParser.MAX_PATTERNS);
        });
        assertThatThrownBy(() -> ids(long_)).isInstanceOfSatisfying(QueryTooCostly.class,
                refused -> assertThat(refused.reason()).isEqualTo(QueryTooCostly.Reason.WORDS));
        assertThat(ids("quiet~1 room* floor*")).containsExactly(1L);
    }

    @Test
    void aSearchOutOfTimeIsStoppedAndSaysSo() {
        add(1, "Cargo bikes for the post room");
        index.close();
        index = PostIndex.open(folder, Duration.ZERO);

        var hits = index.search(query("cargo"));

        assertThat(hits.stopped()).isTrue();
    }

    @Test
    void aWordBeingTypedIsMatchedByItsBeginningInTheBestMatch() {
        add(1, "Remote days: skip the commute. Working remotely saves hours of travel");
        add(2, "Remote controls for the meeting rooms");

        assertThat(ids("remote wor")).containsExactly(1L);
        assertThat(ids("commut*")).containsExactly(1L);
    }

    @Test
    void theBestMatchFindsByMeaningAPostWithoutTheWordsUnderTheFiltersAndExclusions() {
        add(1, "Cargo bikes for the post room", new float[] {1, 0, 0});
        add(2, "Plant more trees in the parks", new float[] {0, 1, 0});
        add(3, "Bicycle lanes on every main road", new float[] {0.6f, 0.8f, 0});
        add(4, "Replace the delivery vans with cargo bikes", new float[] {0.96f, 0, 0.28f});
        float[] bicycle = {1, 0, 0};

        assertThat(ids(query("bicycle").withMeaning(bicycle))).as("words and meaning fused: 3 by its word")
                .containsExactlyInAnyOrder(1L, 3L, 4L);
        assertThat(ids(query("bicycle -vans").withMeaning(bicycle))).containsExactlyInAnyOrder(1L, 3L);
        assertThat(ids(query("bicycle"))).as("words only").containsExactly(3L);
        var otherJam = new SearchQuery("bicycle", Set.of(JAM + 1), null, null, null, null, null, null, null, null,
                false, SearchQuery.Order.RELEVANCE, 0, 10).withMeaning(bicycle);
        assertThat(ids(otherJam)).isEmpty();
    }

    @Test
    void similarPairsAreTheIdeasWhoseVectorsAreAlikeEachPairOnceEvenAfterAnUpdate() {
        add(1, "Vegetarian dishes every day", new float[] {1, 0, 0});
        add(2, "More vegetarian food", new float[] {0.96f, 0.28f, 0});
        add(3, "Longer opening hours", new float[] {0, 1, 0});
        add(2, "More vegetarian food, please", new float[] {0.96f, 0.28f, 0});
        add(4, "Ein Gericht ohne Fleisch");

        assertThat(index.similarIdeaPairs(JAM, 0.9f, 10)).extracting(PostIndex.SimilarPair::first,
                PostIndex.SimilarPair::second).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 2L));
        assertThat(index.withoutVector(language -> true)).containsExactly(4L);
        assertThat(index.withoutVector(language -> language == Language.ENGLISH)).isEmpty();
    }

    private void add(long id, String text) {
        add(id, text, null);
    }

    private void add(long id, String text, float[] vector) {
        index.add(List.of(new IndexedPost(id, JAM, 10, id, true, null, text, languages.detect(text), List.of(),
                "EMPLOYEE", "DE", "LIVE", Instant.parse("2026-11-23T09:00:00Z").plusSeconds(id), vector)));
        index.refresh();
    }

    private List<Long> ids(SearchQuery query) {
        return index.search(query).hits().stream().map(SearchHit::postId).toList();
    }

    private List<Long> ids(String words) {
        return index.search(query(words)).hits().stream().map(SearchHit::postId).toList();
    }

    private static SearchQuery query(String words) {
        return new SearchQuery(words, Set.of(JAM), null, null, null, null, null, null, null, null, false,
                SearchQuery.Order.RELEVANCE, 0, 10);
    }
}
