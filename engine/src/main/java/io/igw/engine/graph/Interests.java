package io.igw.engine.graph;

import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.engine.graph.GraphKind;
import java.util.Arrays;

/**
 * Each user's interests, rolled up from their (user, item) pairs: user → category, brand and tag weights (an item
 * in several categories spreads its weight evenly over them; a tag counts with its TF-IDF weight in the item),
 * normalised to shares per user and kind, with shares under the minimum pruned; and the user's strongest items.
 * Users are visited one at a time with dense accumulators, so no hashing happens per pair. The result is one
 * compressed row per user: edges grouped by kind (categories first), strongest first, each with up to three
 * evidence pairs.
 */
final class Interests {
    private static final int EVIDENCE = GraphColumns.EVIDENCE;

    final int[] start;
    int count;
    byte[] kind;
    int[] target;
    float[] score;
    float[] weight;
    long[] last;
    int[] evidence;

    private final PairState pairs;
    private final ItemFacts facts;
    private final GraphParameters params;
    private final Earlier earlier;

    /**
     * The rows of an earlier build an update may copy for users its new events did not touch: their shares are
     * unchanged (all their weights decayed by the same factor), and their weights only shrink by {@code factor}.
     * Valid when the earlier build saw the same catalogue, so that targets are numbered alike.
     */
    record Earlier(int[] start, byte[] kind, int[] target, float[] score, float[] weight, long[] last, int[] evidence,
                   float factor, java.util.BitSet touched) {
        boolean reusable(int user) {
            return user + 1 < start.length && !touched.get(user);
        }
    }

    Interests(PairState pairs, ItemFacts facts, GraphParameters params) {
        this(pairs, facts, params, null);
    }

    Interests(PairState pairs, ItemFacts facts, GraphParameters params, Earlier earlier) {
        this.pairs = pairs;
        this.facts = facts;
        this.params = params;
        this.earlier = earlier;
        int users = pairs.users.size();
        start = new int[users + 1];
        int capacity = Math.max(1024, pairs.pairs.size());
        kind = new byte[capacity];
        target = new int[capacity];
        score = new float[capacity];
        weight = new float[capacity];
        last = new long[capacity];
        evidence = new int[capacity * EVIDENCE];
        build(byUser());
    }

    /** Pair slots grouped by user: a counting sort, {@code [offsets, pairs]}. */
    private int[][] byUser() {
        int n = pairs.pairs.size();
        int users = pairs.users.size();
        int[] offsets = new int[users + 1];
        for (int p = 0; p < n; p++) {
            offsets[pairs.userOf(p) + 1]++;
        }
        for (int u = 0; u < users; u++) {
            offsets[u + 1] += offsets[u];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(offsets, users);
        for (int p = 0; p < n; p++) {
            order[fill[pairs.userOf(p)]++] = p;
        }
        return new int[][]{offsets, order};
    }

    private void build(int[][] grouped) {
        int[] offsets = grouped[0];
        int[] order = grouped[1];
        Accumulator categories = new Accumulator(facts.categories.size());
        Accumulator brands = new Accumulator(facts.brandNames.length);
        Accumulator tags = new Accumulator(facts.conceptNames.length);
        for (int u = 0; u < pairs.users.size(); u++) {
            start[u] = count;
            if (earlier != null && earlier.reusable(u)) {
                copy(u);
                continue;
            }
            double itemTotal = 0;
            for (int k = offsets[u]; k < offsets[u + 1]; k++) {
                int p = order[k];
                int i = pairs.itemOf(p);
                float w = pairs.weight[p];
                itemTotal += w;
                int[] cats = facts.itemCategories[i];
                for (int c : cats) {
                    categories.add(c, w / cats.length, p);
                }
                if (facts.itemBrand[i] >= 0) {
                    brands.add(facts.itemBrand[i], w, p);
                }
                int[] t = facts.tags.tags();
                float[] tw = facts.tags.weights();
                for (int j = facts.tagFrom[i]; j < facts.tagTo[i]; j++) {
                    if (!facts.repeatedConcept[j]) {
                        tags.add(facts.tagConcept[t[j]], w * tw[j], p);
                    }
                }
            }
            categories.emit(GraphKind.CATEGORY);
            tags.emit(GraphKind.TAG);
            brands.emit(GraphKind.BRAND);
            topItems(order, offsets[u], offsets[u + 1], itemTotal);
        }
        start[pairs.users.size()] = count;
    }

    private void copy(int u) {
        int from = earlier.start()[u];
        int n = earlier.start()[u + 1] - from;
        ensure(count + n);
        System.arraycopy(earlier.kind(), from, kind, count, n);
        System.arraycopy(earlier.target(), from, target, count, n);
        System.arraycopy(earlier.score(), from, score, count, n);
        System.arraycopy(earlier.last(), from, last, count, n);
        System.arraycopy(earlier.evidence(), from * EVIDENCE, evidence, count * EVIDENCE, n * EVIDENCE);
        float factor = earlier.factor();
        for (int k = 0; k < n; k++) {
            weight[count + k] = earlier.weight()[from + k] * factor;
        }
        count += n;
    }

    /** Reads the rows a build saved, for {@link Earlier}. */
    static Earlier earlier(io.igw.storage.columns.ColumnFolder in, float factor, java.util.BitSet touched) {
        return new Earlier(in.ints(GraphColumns.EDGE_START), in.bytes(GraphColumns.EDGE_KIND), in.ints(GraphColumns.EDGE_TARGET), in.floats(GraphColumns.EDGE_SCORE),
                in.floats(GraphColumns.EDGE_WEIGHT), in.longs(GraphColumns.EDGE_LAST), in.ints(GraphColumns.EDGE_EVIDENCE), factor, touched);
    }

    /** The user's strongest items with a share of at least the minimum, at most {@code itemsPerUser}. */
    private void topItems(int[] order, int from, int to, double total) {
        long[] packed = new long[to - from];
        for (int k = from; k < to; k++) {
            int p = order[k];
            // weights are positive, so their float bits order like the weights; ties go to the lower slot
            packed[k - from] = ((long) Float.floatToIntBits(pairs.weight[p]) << 32) | (0x7fffffffL - p);
        }
        Arrays.sort(packed);
        int taken = 0;
        for (int k = packed.length - 1; k >= 0 && taken < params.itemsPerUser(); k--) {
            int p = (int) (0x7fffffffL - (packed[k] & 0xffffffffL));
            double share = total > 0 ? pairs.weight[p] / total : 0;
            if (share < params.minShare()) {
                break;
            }
            int e = append(GraphKind.ITEM, pairs.itemOf(p), (float) share, pairs.weight[p], pairs.last[p]);
            evidence[e * EVIDENCE] = p;
            taken++;
        }
    }

    private void ensure(int capacity) {
        if (capacity > kind.length) {
            int n = Math.max(capacity, kind.length * 2);
            kind = Arrays.copyOf(kind, n);
            target = Arrays.copyOf(target, n);
            score = Arrays.copyOf(score, n);
            weight = Arrays.copyOf(weight, n);
            last = Arrays.copyOf(last, n);
            evidence = Arrays.copyOf(evidence, n * EVIDENCE);
        }
    }

    private int append(GraphKind k, int t, float s, float w, long l) {
        ensure(count + 1);
        kind[count] = k.code();
        target[count] = t;
        score[count] = s;
        weight[count] = w;
        last[count] = l;
        Arrays.fill(evidence, count * EVIDENCE, count * EVIDENCE + EVIDENCE, -1);
        return count++;
    }

    void save(ColumnFolderWriter out) {
        out.ints(GraphColumns.EDGE_START, start, start.length);
        out.bytes(GraphColumns.EDGE_KIND, kind, count);
        out.ints(GraphColumns.EDGE_TARGET, target, count);
        out.floats(GraphColumns.EDGE_SCORE, score, count);
        out.floats(GraphColumns.EDGE_WEIGHT, weight, count);
        out.longs(GraphColumns.EDGE_LAST, last, count);
        out.ints(GraphColumns.EDGE_EVIDENCE, evidence, count * EVIDENCE);
    }

    /** One user's sums per target of one kind, reset between users by the list of targets touched. */
    private final class Accumulator {
        final double[] sum;
        final long[] lastTime;
        final int[] best;
        final int[] touched;
        int touchedCount;
        double total;

        Accumulator(int targets) {
            sum = new double[targets];
            lastTime = new long[targets];
            best = new int[targets * EVIDENCE];
            Arrays.fill(best, -1);
            touched = new int[targets];
        }

        void add(int t, double w, int pair) {
            if (sum[t] == 0 && lastTime[t] == 0) {
                touched[touchedCount++] = t;
            }
            sum[t] += w;
            total += w;
            lastTime[t] = Math.max(lastTime[t], Math.max(1, pairs.last[pair]));
            int base = t * EVIDENCE;
            float bw = pairs.bestWeight[pair];
            for (int k = 0; k < EVIDENCE; k++) {
                int current = best[base + k];
                if (current < 0 || bw > pairs.bestWeight[current]) {
                    System.arraycopy(best, base + k, best, base + k + 1, EVIDENCE - k - 1);
                    best[base + k] = pair;
                    break;
                }
            }
        }

        /** Appends the kept targets, strongest first (ties by target), and resets. */
        void emit(GraphKind k) {
            long[] packed = new long[touchedCount];
            int kept = 0;
            for (int j = 0; j < touchedCount; j++) {
                int t = touched[j];
                double share = total > 0 ? sum[t] / total : 0;
                if (share >= params.minShare() && share > 0) {
                    packed[kept++] = ((long) Float.floatToIntBits((float) share) << 32) | (0x7fffffffL - t);
                }
            }
            Arrays.sort(packed, 0, kept);
            for (int j = kept - 1; j >= 0; j--) {
                int t = (int) (0x7fffffffL - (packed[j] & 0xffffffffL));
                int e = append(k, t, (float) (sum[t] / total), (float) sum[t], lastTime[t]);
                System.arraycopy(best, t * EVIDENCE, evidence, e * EVIDENCE, EVIDENCE);
            }
            for (int j = 0; j < touchedCount; j++) {
                int t = touched[j];
                sum[t] = 0;
                lastTime[t] = 0;
                Arrays.fill(best, t * EVIDENCE, t * EVIDENCE + EVIDENCE, -1);
            }
            touchedCount = 0;
            total = 0;
        }
    }
}
