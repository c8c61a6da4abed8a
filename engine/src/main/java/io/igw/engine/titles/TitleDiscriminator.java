package io.igw.engine.titles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tells real titles from generated ones: a logistic regression (a penalised binomial GLM) over a title's hashed
 * token 1-, 2- and 3-grams and its length in tokens. The adversarial stage trains one against the generator's
 * latest titles each round; the fluency check trains a fresh one, with longer n-grams, after generation.
 */
final class TitleDiscriminator {
    private static final int BUCKETS = 1 << 13;

    private final PenalisedGlm model;
    private final int longest;

    private TitleDiscriminator(PenalisedGlm model, int longest) {
        this.model = model;
        this.longest = longest;
    }

    /** Learns from real and generated titles (as token lists), n-grams up to {@code longest} tokens. */
    static TitleDiscriminator learn(List<List<String>> real, List<List<String>> generated, int longest) {
        List<PenalisedGlm.Row> rows = new ArrayList<>();
        real.forEach(t -> rows.add(row(t, longest, 1)));
        generated.forEach(t -> rows.add(row(t, longest, 0)));
        double[] precision = new double[BUCKETS];
        Arrays.fill(precision, 1.0);
        precision[0] = 0.01;
        double[] start = new double[BUCKETS];
        start[0] = Math.log(real.size() / (double) Math.max(1, generated.size()));
        return new TitleDiscriminator(PenalisedGlm.fit(PenalisedGlm.Family.BINOMIAL, rows, BUCKETS, precision,
                new double[BUCKETS], start, false), longest);
    }

    /** Its weights and n-gram length, to store it beside a generator. */
    double[] weights() {
        return model.weights();
    }

    int longest() {
        return longest;
    }

    static TitleDiscriminator restored(double[] weights, int longest) {
        if (weights.length != BUCKETS) {
            throw new IllegalArgumentException("a stored fluency judge has " + weights.length + " weights, not " + BUCKETS);
        }
        return new TitleDiscriminator(PenalisedGlm.restored(PenalisedGlm.Family.BINOMIAL, weights), longest);
    }

    /** The chance that the title is a real one. */
    double real(List<String> tokens) {
        return model.rate(row(tokens, longest, 0));
    }

    /** The share of titles told right: real ones at least half sure real, generated ones below. */
    double accuracy(List<List<String>> real, List<List<String>> generated) {
        long right = real.stream().filter(t -> real(t) >= 0.5).count() + generated.stream().filter(t -> real(t) < 0.5).count();
        return right / (double) Math.max(1, real.size() + generated.size());
    }

    private static PenalisedGlm.Row row(List<String> tokens, int longest, double isReal) {
        List<String> padded = new ArrayList<>();
        padded.add("^");
        padded.addAll(tokens);
        padded.add("$");
        java.util.TreeSet<Integer> features = new java.util.TreeSet<>();
        features.add(0);
        features.add(1 + Math.floorMod(("len:" + Math.min(tokens.size(), 30)).hashCode(), BUCKETS - 1));
        for (int n = 1; n <= longest; n++) {
            for (int i = 0; i + n <= padded.size(); i++) {
                String gram = n + ":" + String.join("\u0001", padded.subList(i, i + n));
                features.add(1 + Math.floorMod(gram.hashCode() * 0x9E3779B1, BUCKETS - 1));
            }
        }
        int[] f = features.stream().mapToInt(Integer::intValue).toArray();
        float[] v = new float[f.length];
        Arrays.fill(v, 1);
        return new PenalisedGlm.Row(f, v, 1, isReal);
    }
}
