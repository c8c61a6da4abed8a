package io.igw.engine.bench;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.CatalogueEncoding;
import io.igw.engine.text.CategoryInference;
import io.igw.engine.text.TextEncoder;
import io.igw.engine.text.TextVectors;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Inferred categories against the truth: hides the category of a seeded share of the categorised items and infers
 * it back from the others, by title vector ({@link CategoryInference}) and, in the same run, by a TF-IDF
 * nearest-neighbour vote over the titles' tokens (same neighbours, same similarity-weighted vote). Leaf accuracy is
 * the share whose category comes back exactly; top-level accuracy, the share whose category's parent does.
 */
public final class CategoriesBenchmark implements Job<Map<String, Object>> {
    static final int NEIGHBOURS = 10;
    /** Above this confidence an inferred category is called sure; the share of sure ones and their accuracy are given. */
    static final double SURE = 0.8;

    private final Workspace workspace;
    private final TextEncoder encoder;
    private final double hide;
    private final long seed;

    public CategoriesBenchmark(Workspace workspace, TextEncoder encoder, double hide, long seed) {
        if (hide <= 0 || hide >= 1) {
            throw new io.igw.engine.errors.InvalidSetting("hide", "must be between 0 and 1, not " + hide);
        }
        this.workspace = workspace;
        this.encoder = encoder;
        this.hide = hide;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        TextVectors vectors = CatalogueEncoding.currentItemVectors(workspace, encoder, context.part(0, 0.5, "catalogue: "));
        CatalogLookup catalog = CatalogLookup.load(workspace);
        List<Long> categorised = new ArrayList<>();
        for (long id : vectors.keys()) {
            CatalogLookup.Item item = catalog.item(id);
            if (item != null && item.categoryId() != null && item.title() != null && !item.title().isBlank()) {
                categorised.add(id);
            }
        }
        java.util.Collections.shuffle(categorised, new Random(seed));
        int hidden = (int) Math.round(categorised.size() * hide);
        long[] queries = categorised.subList(0, hidden).stream().mapToLong(Long::longValue).sorted().toArray();
        long[] labelled = categorised.subList(hidden, categorised.size()).stream().mapToLong(Long::longValue).sorted().toArray();
        long[] labels = Arrays.stream(labelled).map(id -> catalog.item(id).categoryId()).toArray();

        long t0 = System.nanoTime();
        List<CategoryInference.Inferred> byVector = CategoryInference.infer(vectors, labelled, labels, queries, NEIGHBOURS,
                context.part(0.5, 0.3, "by title vector: "));
        double vectorSeconds = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        TitleIndex index = new TitleIndex(catalog);
        Set<Long> known = new HashSet<>();
        Arrays.stream(labelled).forEach(known::add);
        Map<Long, Long> byTfidf = new HashMap<>();
        for (int q = 0; q < queries.length; q++) {
            if (q % 256 == 0) {
                context.checkCancelled();
                context.progress(0.8 + 0.2 * q / queries.length, "TF-IDF: " + q + " of " + queries.length);
            }
            Map<Long, Double> votes = new HashMap<>();
            for (Map.Entry<Long, Double> n : index.nearest(catalog.item(queries[q]).title(), NEIGHBOURS, known::contains)) {
                votes.merge(catalog.item(n.getKey()).categoryId(), n.getValue(), Double::sum);
            }
            long item = queries[q];
            votes.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(e -> byTfidf.put(item, e.getKey()));
        }
        double tfidfSeconds = (System.nanoTime() - t0) / 1e9;

        int leafRight = 0;
        int topRight = 0;
        int sure = 0;
        int sureRight = 0;
        for (CategoryInference.Inferred i : byVector) {
            long truth = catalog.item(i.itemId()).categoryId();
            leafRight += i.categoryId() == truth ? 1 : 0;
            topRight += top(catalog, i.categoryId()) == top(catalog, truth) ? 1 : 0;
            if (i.confidence() >= SURE) {
                sure++;
                sureRight += i.categoryId() == truth ? 1 : 0;
            }
        }
        int tfidfLeaf = 0;
        int tfidfTop = 0;
        for (long q : queries) {
            long truth = catalog.item(q).categoryId();
            Long guess = byTfidf.get(q);
            tfidfLeaf += guess != null && guess == truth ? 1 : 0;
            tfidfTop += guess != null && top(catalog, guess) == top(catalog, truth) ? 1 : 0;
        }
        int n = Math.max(1, queries.length);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", vectors.model());
        out.put("items", categorised.size());
        out.put("hidden", queries.length);
        out.put("seed", seed);
        out.put("neighbours", NEIGHBOURS);
        out.put("encoder_leaf_accuracy", (double) leafRight / n);
        out.put("encoder_top_level_accuracy", (double) topRight / n);
        out.put("tfidf_leaf_accuracy", (double) tfidfLeaf / n);
        out.put("tfidf_top_level_accuracy", (double) tfidfTop / n);
        out.put("tfidf_no_neighbour", queries.length - byTfidf.size());
        out.put("encoder_sure_share", (double) sure / n);
        out.put("encoder_sure_leaf_accuracy", sure == 0 ? 0 : (double) sureRight / sure);
        out.put("encoder_seconds", vectorSeconds);
        out.put("tfidf_seconds", tfidfSeconds);
        return out;
    }

    /** The top-level category above {@code id} (itself when it has no parent). */
    private static long top(CatalogLookup catalog, long id) {
        long at = id;
        for (int depth = 0; depth < 16; depth++) {
            CatalogLookup.Category c = catalog.category(at);
            if (c == null || c.parentId() == null) {
                return at;
            }
            at = c.parentId();
        }
        return at;
    }
}
