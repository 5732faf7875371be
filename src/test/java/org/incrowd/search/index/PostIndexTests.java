package org.incrowd.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on its own: words are matched in each post's language, whatever stop words the reader types. */
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

    private void add(long id, String text) {
        index.add(List.of(new IndexedPost(id, JAM, 10, id, true, null, text, languages.detect(text), List.of(),
                "EMPLOYEE", "DE", "LIVE", Instant.parse("2026-11-23T09:00:00Z").plusSeconds(id))));
        index.refresh();
    }

    private List<Long> ids(String words) {
        return index.search(new SearchQuery(words, Set.of(JAM), null, null, null, null, null, null, null, null, false,
                SearchQuery.Order.RELEVANCE, 0, 10)).hits().stream().map(SearchHit::postId).toList();
    }
}
