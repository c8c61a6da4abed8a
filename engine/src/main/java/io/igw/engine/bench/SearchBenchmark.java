package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.tags.TitleTokenizer;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.CatalogueEncoding;
import io.igw.engine.text.TextEncoder;
import io.igw.engine.text.TextVectors;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    record Query(String leaf, String language, String text) {
    }

    @Override
    public Map<String, Object> run(JobContext context) throws IOException {
        List<Query> list = read();
        context.progress(0, "encoding the catalogue (if it has changed)");
        new CatalogueEncoding(workspace, encoder).run(context.part(0, 0.8, "catalogue: "));
        TextVectors vectors = CatalogueEncoding.itemVectors(workspace).orElseThrow();
        CatalogLookup catalog = CatalogLookup.load(workspace);
        Map<String, Long> leaves = new HashMap<>();
        catalog.categories().values().forEach(c -> {
            if (c.name() != null) {
                leaves.put(c.name(), c.id());
            }
        });
        TitleIndex titles = new TitleIndex(catalog);
        Map<String, double[]> encoderPrecision = new LinkedHashMap<>();
        Map<String, double[]> tfidfPrecision = new LinkedHashMap<>();
        List<String> overlapping = new ArrayList<>();
        long encoding = 0;
        for (int q = 0; q < list.size(); q++) {
            context.checkCancelled();
            Query query = list.get(q);
            Long leaf = leaves.get(query.leaf());
            if (leaf == null) {
                throw new InvalidSetting("queries", "names a leaf the catalogue does not have: '" + query.leaf() + "'");
            }
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

    private List<Query> read() throws IOException {
        List<String> lines;
        if (queries == null) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    SearchBenchmark.class.getResourceAsStream("search_queries.tsv"), StandardCharsets.UTF_8))) {
                lines = r.lines().toList();
            }
        } else {
            lines = Files.readAllLines(queries, StandardCharsets.UTF_8);
        }
        List<Query> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new InvalidSetting("queries", "line " + (n + 1) + " is not leaf<TAB>language<TAB>query: '" + line + "'");
            }
            out.add(new Query(f[0], f[1], f[2]));
        }
        return out;
    }

    /** TF-IDF over the titles' tokens (jieba for Chinese), searched by the cosine of a query's TF-IDF vector. */
    private static final class TitleIndex {
        private final TitleTokenizer tokenizer = new TitleTokenizer();
        private final Map<String, List<long[]>> postings = new HashMap<>();  // token -> (item id, count)
        private final Map<Long, Double> norms = new HashMap<>();
        private final int documents;

        TitleIndex(CatalogLookup catalog) {
            Map<Long, Map<String, Integer>> counts = new HashMap<>();
            for (CatalogLookup.Item item : catalog.items().values()) {
                Map<String, Integer> c = new HashMap<>();
                for (String t : tokenizer.tokens(item.title() == null ? "" : item.title())) {
                    c.merge(t, 1, Integer::sum);
                }
                counts.put(item.id(), c);
                c.forEach((t, n) -> postings.computeIfAbsent(t, k -> new ArrayList<>()).add(new long[]{item.id(), n}));
            }
            documents = counts.size();
            counts.forEach((id, c) -> {
                double s = 0;
                for (Map.Entry<String, Integer> e : c.entrySet()) {
                    double w = e.getValue() * idf(e.getKey());
                    s += w * w;
                }
                norms.put(id, Math.sqrt(s));
            });
        }

        private double idf(String token) {
            List<long[]> p = postings.get(token);
            return p == null ? 0 : Math.log((double) documents / p.size());
        }

        boolean sharesAToken(String query) {
            for (String t : tokenizer.tokens(query)) {
                if (postings.containsKey(t)) {
                    return true;
                }
            }
            return false;
        }

        /** The k items closest by cosine, among those sharing a token with the query (fewer when fewer do). */
        List<Long> top(String query, int k) {
            Map<String, Integer> q = new HashMap<>();
            for (String t : tokenizer.tokens(query)) {
                q.merge(t, 1, Integer::sum);
            }
            Map<Long, Double> scores = new HashMap<>();
            for (Map.Entry<String, Integer> e : q.entrySet()) {
                List<long[]> p = postings.get(e.getKey());
                if (p == null) {
                    continue;
                }
                double idf = idf(e.getKey());
                for (long[] posting : p) {
                    scores.merge(posting[0], e.getValue() * idf * posting[1] * idf, Double::sum);
                }
            }
            return scores.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue() / norms.get(b.getKey()), a.getValue() / norms.get(a.getKey())))
                    .limit(k).map(Map.Entry::getKey).toList();
        }
    }
}
