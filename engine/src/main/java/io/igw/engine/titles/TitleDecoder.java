package io.igw.engine.titles;

import io.igw.engine.recommenders.SequenceBatch;
import io.igw.engine.recommenders.SequenceNetwork;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small Transformer decoder that writes an item's title token by token, conditioned on its category, brand,
 * attributes and product noun: the sequence model's causal blocks ({@link SequenceNetwork}) over title tokens, the
 * condition first (behaviour slot 1), then the title (slot 2). Sequences are laid out from the first position, so a
 * token's position embedding is its place in the sequence whether the title is being learned or written.
 *
 * <p>Writing is constrained ({@link TitlePieces}): a title is drawn as whole pieces — brand, noun, allowed words, each
 * at most once — so what it writes keeps the rules by construction; {@link TitleParts#check} checks it again.
 */
final class TitleDecoder {
    static final int CONDITION = 1;
    static final int TITLE = 2;

    /** A written title: its tokens (without the end) and text. */
    record Written(Listing item, List<String> tokens, String text) {
    }

    private final TitleTokens vocabulary;
    private final SequenceNetwork network;
    private final int length;

    TitleDecoder(TitleTokens vocabulary, int length, int width, int blocks, int heads, double dropout, long seed) {
        this.vocabulary = vocabulary;
        this.length = length;
        network = new SequenceNetwork(new SequenceNetwork.Shape(vocabulary.size(), width, blocks, heads, length, 0), dropout, seed, true);
    }

    void learnWith(double rate, int warmup) {
        network.learnWith(rate, warmup);
    }

    /** The condition's tokens: category, brand, each attribute after a marker, the noun, and the start of the title. */
    List<String> condition(Listing item, TitleParts parts, SplittableRandom order) {
        List<String> out = new ArrayList<>();
        out.add(TitleTokens.category(item.category()));
        out.addAll(TitleTokens.split(parts.brand()));
        List<String> attributes = new ArrayList<>(parts.allowed());
        if (order != null) {
            for (int i = attributes.size() - 1; i > 0; i--) {
                java.util.Collections.swap(attributes, i, order.nextInt(i + 1));
            }
        }
        for (String a : attributes) {
            out.add(TitleTokens.ATTRIBUTE);
            out.addAll(TitleTokens.split(a));
        }
        out.add(TitleTokens.NOUN);
        out.addAll(TitleTokens.split(parts.noun()));
        out.add(TitleTokens.START);
        return out;
    }

    /** Whether the item's condition and title fit the network's length. */
    boolean fits(List<String> condition, List<String> title) {
        return condition.size() + title.size() + 1 <= length;
    }

    /**
     * One step on titles with each its condition; {@code weights} per title (null: all 1; advantages for a policy
     * gradient step). Returns the mean loss.
     */
    double fit(List<List<String>> conditions, List<List<String>> titles, float[] weights, java.util.Random random) {
        int b = conditions.size();
        int longest = 1;
        for (int r = 0; r < b; r++) {
            longest = Math.max(longest, conditions.get(r).size() + titles.get(r).size());
        }
        int length = bucket(longest);
        int[][] items = new int[b][length];
        int[][] kinds = new int[b][length];
        int[][] targets = new int[b][length];
        float[] w = weights == null ? null : new float[b * length];
        for (int r = 0; r < b; r++) {
            List<String> full = new ArrayList<>(conditions.get(r));
            full.addAll(titles.get(r));
            full.add(TitleTokens.END);
            int c = conditions.get(r).size();
            for (int p = 0; p < full.size() - 1 && p < length; p++) {
                items[r][p] = row(full.get(p));
                kinds[r][p] = p < c ? CONDITION : TITLE;
                if (p >= c - 1) {
                    targets[r][p] = row(full.get(p + 1));
                    if (w != null) {
                        w[r * length + p] = weights[r];
                    }
                }
            }
        }
        return network.fit(new SequenceBatch(items, kinds, new int[b][length], targets), w, random);
    }

    /**
     * Batches are as long as their longest row rounded up to a multiple of 8 (at most the network's length): SameDiff
     * keeps arrays per shape it has seen, so a new length every step would grow its memory without bound.
     */
    private int bucket(int longest) {
        return Math.min(length, (longest + 7) / 8 * 8);
    }

    private int row(String token) {
        int id = vocabulary.find(token);
        return id < 0 ? 1 + vocabulary.find(TitleTokens.SPACE) : id + 1;
    }

    /**
     * Writes one title per condition by drawing each next token from the network's distribution at
     * {@code temperature}, restricted to the allowed tokens; stops at the end token or the network's length.
     */
    List<Written> write(List<Listing> items, List<List<String>> conditions, List<TitleParts> parts, double temperature,
                        SplittableRandom random) {
        List<TitlePieces> rules = new ArrayList<>(parts.size());
        for (TitleParts p : parts) {
            rules.add(new TitlePieces(p, vocabulary));
        }
        int b = items.size();
        List<List<Integer>> rows = new ArrayList<>();
        boolean[] done = new boolean[b];
        List<List<String>> written = new ArrayList<>();
        for (List<String> c : conditions) {
            List<Integer> r = new ArrayList<>();
            c.forEach(t -> r.add(row(t)));
            rows.add(r);
            written.add(new ArrayList<>());
        }
        INDArray table = network.itemEmbedding();
        INDArray outputRows = table.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, table.rows()),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        int end = vocabulary.find(TitleTokens.END);
        for (int step = 0; step < length; step++) {
            boolean any = false;
            for (int r = 0; r < b; r++) {
                done[r] |= rows.get(r).size() >= this.length;
                any |= !done[r];
            }
            if (!any) {
                break;
            }
            // every row stays in the batch, finished or not, so that its shape stays the same from step to step
            List<Integer> active = new ArrayList<>();
            for (int r = 0; r < b; r++) {
                active.add(r);
            }
            int n = active.size();
            int longest = 1;
            for (int r : active) {
                longest = Math.max(longest, rows.get(r).size());
            }
            int length = bucket(longest);
            int[][] ids = new int[n][length];
            int[][] kinds = new int[n][length];
            int[] last = new int[n];
            for (int k = 0; k < n; k++) {
                int r = active.get(k);
                List<Integer> seq = rows.get(r);
                int c = conditions.get(r).size();
                for (int p = 0; p < seq.size(); p++) {
                    ids[k][p] = seq.get(p);
                    kinds[k][p] = p < c ? CONDITION : TITLE;
                }
                last[k] = k * length + seq.size() - 1;
            }
            INDArray hidden = network.hiddenStates(new SequenceBatch(ids, kinds, new int[n][length], new int[n][length]));
            INDArray at = Nd4j.pullRows(hidden.dup('c').reshape('c', (long) n * length, hidden.size(2)), 1, last);
            float[] logits = Nd4j.gemm(at, outputRows, false, true).dup('c').data().asFloat();
            int v = vocabulary.size();
            for (int k = 0; k < n; k++) {
                int r = active.get(k);
                if (done[r]) {
                    continue;
                }
                int token = draw(logits, k * v, v, rules.get(r).allowed(), temperature, random);
                rules.get(r).take(token);
                if (token == end) {
                    done[r] = true;
                } else {
                    rows.get(r).add(token + 1);
                    written.get(r).add(vocabulary.token(token));
                }
            }
        }
        List<Written> out = new ArrayList<>(b);
        for (int r = 0; r < b; r++) {
            out.add(new Written(items.get(r), written.get(r), TitleTokens.join(written.get(r))));
        }
        return out;
    }

    private static int draw(float[] logits, int from, int v, BitSet allowed, double temperature, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t = allowed.nextSetBit(0); t >= 0 && t < v; t = allowed.nextSetBit(t + 1)) {
            max = Math.max(max, logits[from + t]);
        }
        double sum = 0;
        double[] p = new double[v];
        for (int t = allowed.nextSetBit(0); t >= 0 && t < v; t = allowed.nextSetBit(t + 1)) {
            p[t] = temperature <= 0 ? (logits[from + t] == max ? 1 : 0) : Math.exp((logits[from + t] - max) / temperature);
            sum += p[t];
        }
        double u = random.nextDouble() * sum;
        int pick = allowed.nextSetBit(0);
        for (int t = allowed.nextSetBit(0); t >= 0 && t < v; t = allowed.nextSetBit(t + 1)) {
            u -= p[t];
            pick = t;
            if (u <= 0) {
                break;
            }
        }
        return pick;
    }

    Map<String, INDArray> snapshot() {
        return network.snapshot();
    }

    void restore(Map<String, INDArray> weights) {
        network.restore(weights);
    }

    long parameters() {
        return network.parameters();
    }

    TitleTokens vocabulary() {
        return vocabulary;
    }

    int length() {
        return length;
    }
}
