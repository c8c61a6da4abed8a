package io.igw.engine.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The planted truth about titles, read from a generated dataset's {@code title_effects.csv}: what a title's words do
 * to a view's chance of a cart in its leaf category. For evaluation only — no model reads it.
 */
public final class TitleTruth {
    /** A view's chance of a cart for a title without planted words. */
    public static final double BASE_CART = 0.075;

    private final Map<Long, Map<String, Double>> effects;

    public TitleTruth(Map<Long, Map<String, Double>> effects) {
        this.effects = effects;
    }

    public static TitleTruth read(Path folder) throws IOException {
        Map<Long, Map<String, Double>> effects = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(folder.resolve("title_effects.csv"), StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                effects.computeIfAbsent(Long.parseLong(f[0]), k -> new LinkedHashMap<>()).put(f[1], Double.parseDouble(f[2]));
            }
        }
        return new TitleTruth(effects);
    }

    /** A view's chance of a cart for a title whose planted words sum to {@code appeal}. */
    public static double cartRate(double appeal) {
        double logit = Math.log(BASE_CART / (1 - BASE_CART)) + appeal;
        return 1 / (1 + Math.exp(-logit));
    }

    /** The summed planted effect of the words {@code title} shows, in its leaf category. */
    public double appeal(long leafId, String title) {
        return shownEffects(leafId, title).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether the title shows a word whose planted effect raises conversion in its leaf. */
    public boolean showsRaisingWord(long leafId, String title) {
        return shownEffects(leafId, title).stream().anyMatch(e -> e > 0);
    }

    private List<Double> shownEffects(long leafId, String title) {
        Map<String, Double> leaf = effects.getOrDefault(leafId, Map.of());
        Set<String> words = new HashSet<>(List.of(title.toLowerCase(Locale.ROOT).split("\\s+")));
        List<Double> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Double> e : leaf.entrySet()) {
            String w = e.getKey();
            boolean han = w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (han ? title.contains(w) : words.contains(w)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The true expected conversion (a view's chance of a cart) of {@code title} in its leaf. */
    public double conversion(long leafId, String title) {
        return cartRate(appeal(leafId, title));
    }

    /** Per leaf id, each planted word's effect. */
    public Map<Long, Map<String, Double>> effects() {
        return effects;
    }
}
