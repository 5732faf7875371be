package org.incrowd.bench;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.carrot2.clustering.Cluster;
import org.carrot2.clustering.Document;
import org.carrot2.clustering.lingo.LingoClusteringAlgorithm;
import org.carrot2.language.LanguageComponents;

/**
 * Carrot2's Lingo (Osiński and Weiss 2005) with its English defaults and the desired number of clusters. Lingo's
 * clusters may overlap and leave documents out; each document goes to the first (best) cluster that has it, and the
 * documents of no cluster form one "other topics" group, as Carrot2 itself shows them.
 */
final class LingoBaseline {

    private static final LanguageComponents ENGLISH = load();

    private LingoBaseline() {}

    record Post(String text) implements Document {
        @Override
        public void visitFields(java.util.function.BiConsumer<String, String> fields) {
            fields.accept("text", text);
        }
    }

    record Clustering(List<Integer> assignment, List<String> labels) {}

    static Clustering cluster(List<String> texts, int k) {
        var algorithm = new LingoClusteringAlgorithm();
        algorithm.desiredClusterCount.set(Math.max(2, k));
        List<Post> posts = texts.stream().map(Post::new).toList();
        List<Cluster<Post>> clusters = algorithm.cluster(posts.stream(), ENGLISH);
        var index = new IdentityHashMap<Post, Integer>();
        IntStream.range(0, posts.size()).forEach(i -> index.put(posts.get(i), i));
        var assignment = new ArrayList<Integer>(java.util.Collections.nCopies(posts.size(), -1));
        var labels = new ArrayList<String>();
        for (int c = 0; c < clusters.size(); c++) {
            labels.add(String.join(", ", clusters.get(c).getLabels()));
            for (Post post : clusters.get(c).getDocuments()) {
                int i = index.get(post);
                if (assignment.get(i) < 0) {
                    assignment.set(i, c);
                }
            }
        }
        return new Clustering(assignment, labels);
    }

    private static LanguageComponents load() {
        try {
            return LanguageComponents.loader().load().language("English");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
