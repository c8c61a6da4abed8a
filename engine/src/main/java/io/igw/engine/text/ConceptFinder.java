package io.igw.engine.text;

import io.igw.engine.graph.ItemTags;
import io.igw.engine.graph.TagConcepts;
import io.igw.engine.linalg.Vectors;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the tags that mean the same within a language and gathers them into {@link TagConcepts}: "火锅底料" and
 * "麻辣火锅底料", "风衣" and "复古风衣", "card" and "cards".
 *
 * <p>decision: two tags are one concept only when every one of these holds (tuned on the demo catalogue, where
 * the text model's similarity alone would join 猫窝 with 狗窝, "nike" with "adidas", "pants" with "trousers" (yoga
 * pants and suit trousers) and, with the Chinese model alone, "pants" with "pan"):
 * <ul>
 *   <li>the same script (the model is Chinese-first: across languages its similarities are not to be trusted);</li>
 *   <li>their vectors are similar (cosine at least {@link #MIN_SIMILARITY});</li>
 *   <li>they occur in the same contexts: the categories of the items they tag and the other tags beside them
 *       agree (cosine at least {@link #MIN_CONTEXT});</li>
 *   <li>they are alternatives, not companions: they rarely tag the same item (at most {@link #MAX_TOGETHER} of
 *       the rarer one's items);</li>
 *   <li>neither is a brand (brands are their own nodes, and rival brands look alike);</li>
 *   <li>one is a variant of the other (a Chinese compound ending in the other, its head noun, as 麻辣火锅底料 ends in
 *       火锅底料; an English plural), or their vectors are nearly the same (at least {@link #SAME_MEANING_CHINESE}
 *       in Chinese, {@link #SAME_MEANING_ENGLISH} in English: synonyms as earphones and headphones): siblings in one
 *       category (红酒 and 白酒, 猫窝 and 狗窝) pass the other tests but are different things.</li>
 * </ul>
 * Tags are taken commonest first; each joins the concept whose head it matches best, or heads a new one, so a
 * concept never drifts by chaining.
 */
public final class ConceptFinder {
    /** Names these rules in what they find, so that concepts found by other rules are found again. */
    static final String RULES = "rules-2";
    static final double MIN_SIMILARITY = 0.80;
    /**
     * Nearly the same vectors, by script: BGE puts Chinese siblings (猫窝 / 狗窝) as high as 0.82, while English
     * synonyms, read by the English model, reach 0.82–0.85 (earphones / headphones 0.845) and its look-alikes stay
     * lower (pants / pan 0.49).
     */
    static final double SAME_MEANING_CHINESE = 0.92;
    static final double SAME_MEANING_ENGLISH = 0.82;
    static final double MIN_CONTEXT = 0.6;
    static final double MAX_TOGETHER = 0.1;
    private static final double CO_TAG_WEIGHT = 0.5;

    private ConceptFinder() {
    }

    /** The concepts of a catalogue's tags, by their vectors (tags without one stay alone). */
    public static TagConcepts find(ItemTags tags, CatalogLookup catalog, TextVectors tagVectors, String catalogueVersion) {
        return find(tags, catalog, tagVectors, catalogueVersion, true);
    }

    /**
     * The same, or ({@code allTests} false) by vector similarity alone, as a baseline: what the text model would join
     * without the tests of context, companionship, brands and variants.
     */
    public static TagConcepts find(ItemTags tags, CatalogLookup catalog, TextVectors tagVectors, String catalogueVersion,
                                   boolean allTests) {
        String[] names = tags.names();
        int n = names.length;
        float[][] vectors = new float[n][];
        for (int t = 0; t < n; t++) {
            vectors[t] = tagVectors.vector(TextVectors.hash(names[t])).orElse(null);
        }
        Contexts contexts = Contexts.of(tags, catalog);
        Set<String> brands = new HashSet<>();
        for (CatalogLookup.Item item : catalog.items().values()) {
            if (item.brand() != null) {
                brands.add(item.brand().strip().toLowerCase(Locale.ROOT));
            }
        }
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(t -> -contexts.items[t])
                .thenComparingInt(t -> names[t].length()).thenComparing(t -> names[t]));
        List<Integer> heads = new ArrayList<>();
        String[] headOf = new String[n];
        for (int t : order) {
            int best = -1;
            double bestSimilarity = 0;
            if (vectors[t] != null && (!allTests || !brands.contains(names[t].toLowerCase(Locale.ROOT)))) {
                for (int h : heads) {
                    double s = vectors[h] == null ? 0 : Vectors.dot(vectors[t], vectors[h], 0);
                    if (s > bestSimilarity && s >= MIN_SIMILARITY
                            && (!allTests || sameConcept(names[h], names[t], s, h, t, contexts, brands))) {
                        best = h;
                        bestSimilarity = s;
                    }
                }
            }
            if (best < 0) {
                heads.add(t);
                headOf[t] = names[t];
            } else {
                headOf[t] = names[best];
            }
        }
        return new TagConcepts(madeBy(tagVectors.model()), catalogueVersion, names, headOf);
    }

    /** What concepts found from this model's vectors by these rules are recorded as made by. */
    static String madeBy(String model) {
        return model + " " + RULES;
    }

    private static boolean sameConcept(String head, String tag, double similarity, int h, int t, Contexts contexts,
                                       Set<String> brands) {
        Script script = Script.of(head);
        if (script == Script.OTHER || script != Script.of(tag) || brands.contains(head.toLowerCase(Locale.ROOT))) {
            return false;
        }
        double sameMeaning = script == Script.HAN ? SAME_MEANING_CHINESE : SAME_MEANING_ENGLISH;
        if (!(similarity >= sameMeaning || isVariant(head, tag, script))) {
            return false;
        }
        int rarer = Math.min(contexts.items[h], contexts.items[t]);
        return contexts.together(h, t) <= MAX_TOGETHER * rarer && contexts.cosine(h, t) >= MIN_CONTEXT;
    }

    /** Whether one form is the other with more said: a Chinese compound ending in the other (its head), an English plural. */
    static boolean isVariant(String a, String b, Script script) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (script == Script.HAN) {
            return shorter.length() >= 2 && longer.length() > shorter.length() && longer.endsWith(shorter);
        }
        String s = shorter.toLowerCase(Locale.ROOT);
        String l = longer.toLowerCase(Locale.ROOT);
        return l.equals(s + "s") || l.equals(s + "es")
                || (s.endsWith("y") && l.equals(s.substring(0, s.length() - 1) + "ies"));
    }

    /**
     * Where each tag occurs: how many items it tags, the categories of those items and the other tags beside it (a
     * sparse vector per tag), and how often two tags tag the same item.
     */
    private static final class Contexts {
        final int[] items;
        private final List<Map<String, Double>> around;
        private final double[] norms;
        private final Map<Long, Integer> together = new HashMap<>();
        private final int n;

        private Contexts(int n) {
            this.n = n;
            items = new int[n];
            around = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                around.add(new HashMap<>());
            }
            norms = new double[n];
        }

        static Contexts of(ItemTags tags, CatalogLookup catalog) {
            Contexts c = new Contexts(tags.names().length);
            for (int i = 0; i < tags.size(); i++) {
                int[] on = tags.tagsAt(i);
                long[] categories = catalog.categoriesOrOwn(tags.itemAt(i));
                for (int a = 0; a < on.length; a++) {
                    int t = on[a];
                    c.items[t]++;
                    for (long category : categories) {
                        c.around.get(t).merge("c" + category, 1.0 / categories.length, Double::sum);
                    }
                    for (int b = 0; b < on.length; b++) {
                        if (b != a) {
                            c.around.get(t).merge("t" + on[b], CO_TAG_WEIGHT, Double::sum);
                            if (on[b] > t) {
                                c.together.merge((long) t * c.n + on[b], 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            for (int t = 0; t < c.n; t++) {
                double s = 0;
                for (double v : c.around.get(t).values()) {
                    s += v * v;
                }
                c.norms[t] = Math.sqrt(s);
            }
            return c;
        }

        int together(int a, int b) {
            return together.getOrDefault((long) Math.min(a, b) * n + Math.max(a, b), 0);
        }

        /** The cosine of two tags' contexts. */
        double cosine(int a, int b) {
            if (norms[a] == 0 || norms[b] == 0) {
                return 0;
            }
            Map<String, Double> x = around.get(a);
            Map<String, Double> y = around.get(b);
            double dot = 0;
            for (Map.Entry<String, Double> e : x.entrySet()) {
                Double other = y.get(e.getKey());
                if (other != null) {
                    dot += e.getValue() * other;
                }
            }
            return dot / (norms[a] * norms[b]);
        }
    }
}
