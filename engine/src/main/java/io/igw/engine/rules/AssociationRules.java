package io.igw.engine.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules from frequent itemsets: every split of an itemset into antecedent ⇒ consequent, with its support (share of
 * baskets holding the whole itemset), confidence (of the baskets holding the antecedent, the share that also hold
 * the consequent) and lift (confidence over the consequent's own share). Strongest lift first.
 */
public final class AssociationRules {
    /** One rule over item numbers. */
    public record Rule(int[] antecedent, int[] consequent, double support, double confidence, double lift) {
    }

    private AssociationRules() {
    }

    public static List<Rule> of(List<FpGrowth.Itemset> itemsets, int baskets, double minConfidence, double minLift) {
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (FpGrowth.Itemset s : itemsets) {
            counts.put(key(s.items()), s.count());
        }
        List<Rule> rules = new ArrayList<>();
        for (FpGrowth.Itemset s : itemsets) {
            int n = s.items().length;
            if (n < 2) {
                continue;
            }
            for (int mask = 1; mask < (1 << n) - 1; mask++) {
                int[] antecedent = pick(s.items(), mask, true);
                int[] consequent = pick(s.items(), mask, false);
                double confidence = (double) s.count() / counts.get(key(antecedent));
                double lift = confidence / ((double) counts.get(key(consequent)) / baskets);
                if (confidence >= minConfidence && lift >= minLift) {
                    rules.add(new Rule(antecedent, consequent, (double) s.count() / baskets, confidence, lift));
                }
            }
        }
        rules.sort(Comparator.comparingDouble(Rule::lift).reversed().thenComparing(Comparator.comparingDouble(Rule::confidence).reversed())
                .thenComparing(r -> Arrays.toString(r.antecedent())).thenComparing(r -> Arrays.toString(r.consequent())));
        return rules;
    }

    private static int[] pick(int[] items, int mask, boolean in) {
        return java.util.stream.IntStream.range(0, items.length).filter(k -> ((mask >> k) & 1) == (in ? 1 : 0))
                .map(k -> items[k]).toArray();
    }

    private static List<Integer> key(int[] sortedItems) {
        return Arrays.stream(sortedItems).boxed().toList();
    }
}
