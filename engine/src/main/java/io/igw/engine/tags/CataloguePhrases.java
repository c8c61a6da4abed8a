package io.igw.engine.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Chinese compounds a catalogue uses as one word, learned from its own titles: jieba splits what its dictionary
 * lacks (挂耳咖啡 into 挂 / 耳 / 咖啡, 越野跑鞋 into 越野 / 跑鞋), so adjacent words are joined when the pair is
 * cohesive — it occurs in at least {@code minDocuments} documents, and in at least {@value #COHESION} of the
 * documents of the rarer of its two parts (耳 never comes without 挂; 防水 comes before a dozen nouns, so 防水登山鞋
 * stays two words). Joins repeat for a few rounds, so compounds of compounds form, up to {@value #MAX_CHARS}
 * characters. Immutable.
 */
public final class CataloguePhrases {
    static final double COHESION = 0.8;
    static final int MAX_CHARS = 6;
    private static final int ROUNDS = 3;
    private static final int MAX_PARTS = 4;

    private final Set<String> phrases;

    private CataloguePhrases(Set<String> phrases) {
        this.phrases = Set.copyOf(phrases);
    }

    /** No phrases: words stay as jieba gives them. */
    public static CataloguePhrases none() {
        return new CataloguePhrases(Set.of());
    }

    /** Learns the phrases of {@code documents} (titles, reviews). */
    public static CataloguePhrases learn(Collection<String> documents, int minDocuments) {
        List<List<List<String>>> runs = new ArrayList<>();
        for (String d : documents) {
            runs.add(TitleTokenizer.hanRuns(d));
        }
        Set<String> phrases = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            CataloguePhrases current = new CataloguePhrases(phrases);
            Map<String, Integer> words = new HashMap<>();
            Map<String, Integer> pairs = new HashMap<>();
            Map<String, String[]> parts = new HashMap<>();
            for (List<List<String>> document : runs) {
                Set<String> seenWords = new HashSet<>();
                Set<String> seenPairs = new HashSet<>();
                for (List<String> run : document) {
                    List<String> merged = current.merge(run);
                    for (int i = 0; i < merged.size(); i++) {
                        seenWords.add(merged.get(i));
                        if (i + 1 < merged.size() && merged.get(i).length() + merged.get(i + 1).length() <= MAX_CHARS) {
                            String pair = merged.get(i) + merged.get(i + 1);
                            if (seenPairs.add(pair)) {
                                parts.putIfAbsent(pair, new String[]{merged.get(i), merged.get(i + 1)});
                            }
                        }
                    }
                }
                seenWords.forEach(w -> words.merge(w, 1, Integer::sum));
                seenPairs.forEach(p -> pairs.merge(p, 1, Integer::sum));
            }
            int before = phrases.size();
            pairs.forEach((pair, df) -> {
                String[] p = parts.get(pair);
                int rarer = Math.min(words.get(p[0]), words.get(p[1]));
                if (df >= minDocuments && df >= COHESION * rarer) {
                    phrases.add(pair);
                }
            });
            if (phrases.size() == before) {
                break;
            }
        }
        return new CataloguePhrases(phrases);
    }

    /** How many phrases were learned. */
    public int size() {
        return phrases.size();
    }

    /** The words of one Chinese run with the learned phrases joined, longest first, left to right. */
    List<String> merge(List<String> words) {
        if (phrases.isEmpty()) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); ) {
            int take = 1;
            StringBuilder joined = new StringBuilder(words.get(i));
            String best = words.get(i);
            for (int j = i + 1; j < Math.min(words.size(), i + MAX_PARTS); j++) {
                joined.append(words.get(j));
                if (joined.length() > MAX_CHARS) {
                    break;
                }
                if (phrases.contains(joined.toString())) {
                    best = joined.toString();
                    take = j - i + 1;
                }
            }
            out.add(best);
            i += take;
        }
        return out;
    }
}
