package io.igw.engine.bench;

import io.igw.engine.rules.FpGrowth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Apriori (Agrawal and Srikant, VLDB 1994), the textbook level-wise miner: candidates of length k+1 are joined from
 * frequent itemsets of length k and counted in one pass over the baskets. The rules benchmark's peer, run on the
 * same baskets; it finds the same itemsets as {@link FpGrowth}.
 */
public final class Apriori {
    private Apriori() {
    }

    public static List<FpGrowth.Itemset> mine(int[][] baskets, int items, int minCount, int maxLength) {
        List<FpGrowth.Itemset> out = new ArrayList<>();
        int[] single = new int[items];
        for (int[] b : baskets) {
            for (int i : b) {
                single[i]++;
            }
        }
        List<int[]> level = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            if (single[i] >= minCount) {
                level.add(new int[]{i});
                out.add(new FpGrowth.Itemset(new int[]{i}, single[i]));
            }
        }
        for (int k = 2; k <= maxLength && !level.isEmpty(); k++) {
            Set<List<Integer>> frequent = new HashSet<>();
            for (int[] s : level) {
                frequent.add(Arrays.stream(s).boxed().toList());
            }
            Map<List<Integer>, int[]> candidates = new HashMap<>();
            for (int a = 0; a < level.size(); a++) {
                for (int b = a + 1; b < level.size(); b++) {
                    int[] x = level.get(a);
                    int[] y = level.get(b);
                    if (!Arrays.equals(x, 0, k - 2, y, 0, k - 2)) {
                        continue;
                    }
                    int[] c = Arrays.copyOf(x, k);
                    c[k - 1] = y[k - 2];
                    Arrays.sort(c);
                    if (allSubsetsFrequent(c, frequent)) {
                        candidates.put(Arrays.stream(c).boxed().toList(), new int[1]);
                    }
                }
            }
            for (int[] basket : baskets) {
                if (basket.length < k) {
                    continue;
                }
                int[] sorted = basket.clone();
                Arrays.sort(sorted);
                if (k == 2) {
                    for (int p = 0; p < sorted.length; p++) {
                        for (int q = p + 1; q < sorted.length; q++) {
                            int[] n = candidates.get(List.of(sorted[p], sorted[q]));
                            if (n != null) {
                                n[0]++;
                            }
                        }
                    }
                } else {
                    for (Map.Entry<List<Integer>, int[]> c : candidates.entrySet()) {
                        if (containsAll(sorted, c.getKey())) {
                            c.getValue()[0]++;
                        }
                    }
                }
            }
            level = new ArrayList<>();
            for (Map.Entry<List<Integer>, int[]> c : candidates.entrySet()) {
                if (c.getValue()[0] >= minCount) {
                    int[] items2 = c.getKey().stream().mapToInt(Integer::intValue).toArray();
                    level.add(items2);
                    out.add(new FpGrowth.Itemset(items2, c.getValue()[0]));
                }
            }
            level.sort(Arrays::compare);
        }
        return out;
    }

    private static boolean allSubsetsFrequent(int[] c, Set<List<Integer>> frequent) {
        for (int drop = 0; drop < c.length; drop++) {
            List<Integer> subset = new ArrayList<>();
            for (int k = 0; k < c.length; k++) {
                if (k != drop) {
                    subset.add(c[k]);
                }
            }
            if (!frequent.contains(subset)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAll(int[] sortedBasket, List<Integer> items) {
        for (int i : items) {
            if (Arrays.binarySearch(sortedBasket, i) < 0) {
                return false;
            }
        }
        return true;
    }
}
