package io.igw.engine.tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks each document's informative terms (words, and the Chinese phrases the documents share) by TF-IDF: a term must occur in at least {@code minDocuments} documents
 * (a tag nobody else shares joins nothing in the graph) and in at most {@code maxShare} of them (a word on every
 * title says nothing). Documents are item titles, with review texts appended where there are reviews.
 */
public final class TagExtractor {
    /** A tag and its weight in one document; weights are scaled so a document's strongest tag has 1. */
    public record Tag(String term, double weight) {
    }

    private final int maxTags;
    private final int minDocuments;
    private final double maxShare;
    private final boolean phrases;

    public TagExtractor(int maxTags, int minDocuments, double maxShare) {
        this(maxTags, minDocuments, maxShare, true);
    }

    /** @param phrases whether Chinese phrases are learned and kept whole (false: jieba's words, as before) */
    public TagExtractor(int maxTags, int minDocuments, double maxShare, boolean phrases) {
        if (maxTags < 1 || minDocuments < 1 || maxShare <= 0 || maxShare > 1) {
            throw new IllegalArgumentException("maxTags >= 1, minDocuments >= 1 and 0 < maxShare <= 1 are required");
        }
        this.maxTags = maxTags;
        this.minDocuments = minDocuments;
        this.maxShare = maxShare;
        this.phrases = phrases;
    }

    /**
     * Tags per document id, strongest first; documents with no informative term get an empty list. Chinese
     * compounds the documents use often ({@link CataloguePhrases}) are tags whole.
     */
    public Map<Long, List<Tag>> extract(Map<Long, String> documents) {
        TitleTokenizer tokenizer = new TitleTokenizer(phrases
                ? CataloguePhrases.learn(documents.values(), minDocuments) : CataloguePhrases.none());
        Map<Long, Map<String, Integer>> termCounts = new LinkedHashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        documents.forEach((id, text) -> {
            Map<String, Integer> counts = new HashMap<>();
            for (String t : tokenizer.tokens(text)) {
                counts.merge(t, 1, Integer::sum);
            }
            counts.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            termCounts.put(id, counts);
        });
        int n = documents.size();
        Map<Long, List<Tag>> tags = new LinkedHashMap<>();
        termCounts.forEach((id, counts) -> {
            int length = counts.values().stream().mapToInt(Integer::intValue).sum();
            List<Tag> scored = new ArrayList<>();
            counts.forEach((term, count) -> {
                int df = documentFrequency.get(term);
                if (df >= minDocuments && df <= maxShare * n) {
                    double idf = Math.log((1.0 + n) / (1.0 + df)) + 1.0;
                    scored.add(new Tag(term, (double) count / length * idf));
                }
            });
            scored.sort(Comparator.comparingDouble(Tag::weight).reversed().thenComparing(Tag::term));
            List<Tag> top = scored.subList(0, Math.min(maxTags, scored.size()));
            double best = top.isEmpty() ? 1 : top.get(0).weight();
            tags.put(id, top.stream().map(t -> new Tag(t.term(), t.weight() / best)).toList());
        });
        return tags;
    }
}
