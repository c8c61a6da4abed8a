package io.igw.engine.bench;

import io.igw.engine.tags.TitleTokenizer;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/** TF-IDF over the titles' tokens (jieba for Chinese), searched by the cosine of a query's TF-IDF vector. */
final class TitleIndex {
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
        return nearest(query, k, id -> true).stream().map(Map.Entry::getKey).toList();
    }

    /** The k items {@code allowed} that are closest by cosine, with it, closest first. */
    List<Map.Entry<Long, Double>> nearest(String query, int k, LongPredicate allowed) {
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
                if (allowed.test(posting[0])) {
                    scores.merge(posting[0], e.getValue() * idf * posting[1] * idf, Double::sum);
                }
            }
        }
        return scores.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), norms.get(e.getKey()) == 0 ? 0 : e.getValue() / norms.get(e.getKey())))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(k).toList();
    }
}
