package io.igw.engine.bench;

import io.igw.engine.tags.TitleTokenizer;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.CatalogueEncoding;
import io.igw.engine.text.TextEncoder;
import io.igw.engine.text.TextVectors;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search beyond the words in the titles: queries that name a leaf's products in words no title uses, each answered
 * by the text encoder (nearest title vectors) and by TF-IDF over the titles' tokens (cosine), in the same run;
 * precision@10 is the share of the ten items found that belong to the intended leaf. The queries (bundled,
 * {@code search_queries.tsv}, or a file of {@code leaf<TAB>language<TAB>query} lines) are checked: any that shares
 * a token with some title is listed in {@code queries_with_title_words}.
 */
public final class SearchBenchmark implements Job<Map<String, Object>> {
    static final int K = 10;

    private final Workspace workspace;
    private final TextEncoder encoder;
    private final Path queries;

    /** @param queries the queries file, or null for the bundled 60 */
    public SearchBenchmark(Workspace workspace, TextEncoder encoder, Path queries) {
        this.workspace = workspace;
        this.encoder = encoder;
        this.queries = queries;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws IOException {
        List<LeafQueries.Query> list = LeafQueries.read(queries, "search_queries.tsv");
        context.progress(0, "encoding the catalogue (if it has changed)");
        new CatalogueEncoding(workspace, encoder).run(context.part(0, 0.8, "catalogue: "));
        TextVectors vectors = CatalogueEncoding.itemVectors(workspace).orElseThrow();
        CatalogLookup catalog = CatalogLookup.load(workspace);
        TitleIndex titles = new TitleIndex(catalog);
        Map<String, double[]> encoderPrecision = new LinkedHashMap<>();
        Map<String, double[]> tfidfPrecision = new LinkedHashMap<>();
        List<String> overlapping = new ArrayList<>();
        long encoding = 0;
        for (int q = 0; q < list.size(); q++) {
            context.checkCancelled();
            LeafQueries.Query query = list.get(q);
            long leaf = LeafQueries.leaf(catalog, query);
            if (titles.sharesAToken(query.text())) {
                overlapping.add(query.text());
            }
            long t0 = System.nanoTime();
            float[] v = encoder.encode(List.of(query.text()))[0];
            List<Long> found = vectors.nearest(v, K).stream().map(TextVectors.Match::key).toList();
            encoding += System.nanoTime() - t0;
            add(encoderPrecision, query.language(), precision(catalog, found, leaf));
            add(tfidfPrecision, query.language(), precision(catalog, titles.top(query.text(), K), leaf));
            context.progress(0.8 + 0.2 * (q + 1) / list.size(), "query " + (q + 1) + " of " + list.size());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", vectors.model());
        out.put("items", vectors.size());
        out.put("queries", list.size());
        out.put("queries_with_title_words", overlapping);
        out.put("k", K);
        out.put("encoder_precision@10", mean(encoderPrecision, null));
        out.put("tfidf_precision@10", mean(tfidfPrecision, null));
        for (String language : encoderPrecision.keySet()) {
            out.put("encoder_precision@10_" + language, mean(encoderPrecision, language));
            out.put("tfidf_precision@10_" + language, mean(tfidfPrecision, language));
        }
        out.put("query_milliseconds", encoding / 1e6 / Math.max(1, list.size()));
        return out;
    }

    private static double precision(CatalogLookup catalog, List<Long> found, long leaf) {
        int right = 0;
        for (long id : found) {
            CatalogLookup.Item item = catalog.item(id);
            right += item != null && item.categoryId() != null && item.categoryId() == leaf ? 1 : 0;
        }
        return (double) right / K;
    }

    private static void add(Map<String, double[]> sums, String language, double value) {
        double[] s = sums.computeIfAbsent(language, l -> new double[2]);
        s[0] += value;
        s[1]++;
    }

    private static double mean(Map<String, double[]> sums, String language) {
        double total = 0;
        double n = 0;
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            if (language == null || e.getKey().equals(language)) {
                total += e.getValue()[0];
                n += e.getValue()[1];
            }
        }
        return n == 0 ? 0 : total / n;
    }
}
