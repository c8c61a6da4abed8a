package io.igw.engine.bench;

import io.igw.engine.rules.AssociationRules;
import io.igw.engine.rules.FpGrowth;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times FP-Growth over N synthetic baskets and Apriori, its textbook peer, over the same baskets in the same run.
 * Baskets hold 1–8 items drawn by a Zipf-like popularity over {@value #ITEMS} items, and 30% of them also hold one
 * of 200 planted bundles (three items bought together), so there are itemsets of every length to find.
 */
public final class RulesBenchmark implements Job<Map<String, Object>> {
    static final int ITEMS = 20_000;
    static final double MIN_SUPPORT = 0.001;
    static final int MAX_LENGTH = 3;

    private final int baskets;
    private final long seed;

    public RulesBenchmark(long baskets, long seed) {
        if (baskets < 1 || baskets > 10_000_000) {
            throw new InvalidSetting("baskets", "must be between 1 and 10,000,000, not " + baskets);
        }
        this.baskets = (int) baskets;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        context.progress(0, "making " + baskets + " baskets");
        int[][] data = synthetic(baskets, new SplittableRandom(seed));
        int minCount = Math.max(2, (int) Math.ceil(MIN_SUPPORT * baskets));
        context.progress(0.1, "FP-Growth");
        List<FpGrowth.Itemset> itemsets;
        double peakHeap;
        long t0;
        try (HeapPeak heap = new HeapPeak()) {
            t0 = System.nanoTime();
            itemsets = FpGrowth.mine(data, ITEMS, minCount, MAX_LENGTH);
            peakHeap = heap.peakMb();
        }
        double fpSeconds = (System.nanoTime() - t0) / 1e9;
        context.checkCancelled();
        context.progress(0.4, "Apriori, the peer");
        long t1 = System.nanoTime();
        List<FpGrowth.Itemset> peer = Apriori.mine(data, ITEMS, minCount, MAX_LENGTH);
        double aprioriSeconds = (System.nanoTime() - t1) / 1e9;
        if (peer.size() != itemsets.size()) {
            throw new IllegalStateException("FP-Growth found " + itemsets.size() + " itemsets and Apriori " + peer.size());
        }
        long t2 = System.nanoTime();
        int rules = AssociationRules.of(itemsets, baskets, 0.1, 1.0).size();
        double ruleSeconds = (System.nanoTime() - t2) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baskets", baskets);
        out.put("items", ITEMS);
        out.put("min_support", MIN_SUPPORT);
        out.put("max_length", MAX_LENGTH);
        out.put("itemsets", itemsets.size());
        out.put("rules", rules);
        out.put("fpgrowth_seconds", fpSeconds);
        out.put("rules_seconds", ruleSeconds);
        out.put("apriori_seconds", aprioriSeconds);
        out.put("ratio", fpSeconds / aprioriSeconds);
        out.put("peak_heap_mb", peakHeap);
        context.progress(1, "done");
        return out;
    }

    static int[][] synthetic(int n, SplittableRandom r) {
        int[][] bundles = new int[200][];
        for (int b = 0; b < bundles.length; b++) {
            bundles[b] = r.ints(3, 0, ITEMS).distinct().toArray();
        }
        int[][] out = new int[n][];
        for (int k = 0; k < n; k++) {
            int size = 1 + r.nextInt(8);
            java.util.stream.IntStream.Builder items = java.util.stream.IntStream.builder();
            for (int s = 0; s < size; s++) {
                // Zipf-like: item i with weight ~ 1/(i+1)
                items.add((int) Math.min(ITEMS - 1, Math.floor(Math.exp(r.nextDouble() * Math.log(ITEMS + 1)) - 1)));
            }
            if (r.nextDouble() < 0.3) {
                for (int i : bundles[r.nextInt(bundles.length)]) {
                    items.add(i);
                }
            }
            out[k] = items.build().distinct().toArray();
        }
        return out;
    }
}
