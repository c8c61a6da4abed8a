package io.igw.engine.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The planted appeal of title words: each leaf category has a hidden handful of words (its top category's adjectives
 * and the shop's claim words) that raise or lower how often a title carrying them is viewed within the category and
 * how often a view leads to a cart. A word and its Chinese twin ("waterproof", 防水) carry the same effect. The
 * shopper simulation applies it; {@link TitleTruth} reads it back for evaluation only.
 */
final class TitleAppeal {
    /** Claims a listing may make, English and Chinese, beside the top category's adjectives. */
    static final List<String> CLAIMS = List.of("official", "bestseller", "upgraded", "deluxe", "clearance", "refurbished", "bundle");
    static final List<String> CLAIMS_ZH = List.of("官方", "爆款", "升级", "豪华", "清仓", "翻新", "组合");
    /** How many of a leaf's words carry an effect, and how many of those lower it. */
    private static final int PLANTED = 5;
    private static final int LOWERING = 2;

    /** Per leaf id, the planted words (English and Chinese forms) and their effect, in log-odds of a view's cart. */
    private final Map<Long, Map<String, Double>> effects = new LinkedHashMap<>();

    TitleAppeal(Vocabulary vocabulary, SplittableRandom random) {
        for (Vocabulary.Leaf leaf : vocabulary.leaves) {
            List<String[]> words = words(leaf.top());
            List<String[]> chosen = new ArrayList<>();
            while (chosen.size() < PLANTED) {
                String[] w = words.get(random.nextInt(words.size()));
                if (!chosen.contains(w)) {
                    chosen.add(w);
                }
            }
            Map<String, Double> leafEffects = new LinkedHashMap<>();
            for (int k = 0; k < chosen.size(); k++) {
                double size = 0.4 + 0.6 * random.nextDouble();
                double effect = Math.round((k < LOWERING ? -size : size) * 1000) / 1000.0;
                leafEffects.put(chosen.get(k)[0], effect);
                leafEffects.put(chosen.get(k)[1], effect);
            }
            effects.put(leaf.id(), leafEffects);
        }
    }

    /** The leaf's candidate appeal words as {English, Chinese} pairs: the top's adjectives, then the claims. */
    static List<String[]> words(Vocabulary.Top top) {
        List<String[]> out = new ArrayList<>();
        for (int a = 0; a < top.adjectives().size(); a++) {
            out.add(new String[]{top.adjectives().get(a), top.adjectivesZh().get(a)});
        }
        for (int c = 0; c < CLAIMS.size(); c++) {
            out.add(new String[]{CLAIMS.get(c), CLAIMS_ZH.get(c)});
        }
        return out;
    }

    /** The summed effect of the words a title shows. */
    double of(long leafId, List<String> shownWords) {
        Map<String, Double> leafEffects = effects.getOrDefault(leafId, Map.of());
        double sum = 0;
        for (String w : shownWords) {
            sum += leafEffects.getOrDefault(w, 0.0);
        }
        return sum;
    }

    Map<Long, Map<String, Double>> all() {
        return effects;
    }
}
