package io.igw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.distributed.DistributedEngine.SparkOptions;
import io.igw.engine.rules.AssociationRules;
import io.igw.engine.rules.Baskets;
import io.igw.engine.rules.RuleMining;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLlib's FP-Growth in local[2] and the workbench's own give the same rules, of items and of categories (issue 16). */
class SparkRulesTest {
    private static final JobContext QUIET = JobContext.quiet();

    @TempDir
    Path tmp;

    private static String key(RuleMining.Result r, AssociationRules.Rule rule) {
        return java.util.Arrays.toString(java.util.Arrays.stream(r.baskets().itemIds(rule.antecedent())).sorted().toArray())
                + " => " + java.util.Arrays.toString(java.util.Arrays.stream(r.baskets().itemIds(rule.consequent())).sorted().toArray());
    }

    @Test
    void sparkMinesTheSameRules() throws Exception {
        try (Workspace ws = GeneratedShop.open(tmp, 800, 5)) {
            DistributedEngine spark = DistributedEngine.find().orElseThrow();
            for (Baskets.Level level : Baskets.Level.values()) {
                double support = level == Baskets.Level.ITEM ? 0.0001 : 0.001;
                RuleMining.Result local = new RuleMining(ws, support, 0.05, 3, level).run(QUIET);
                RuleMining.Result mined = spark.rules(ws, support, 0.05, 3, level, new SparkOptions("local[2]", null, 4)).run(QUIET);
                assertEquals(local.baskets().baskets().length, mined.baskets().baskets().length, level + " baskets");
                assertEquals(local.baskets().purchasesOnly(), mined.baskets().purchasesOnly());
                assertEquals(local.minCount(), mined.minCount());
                assertEquals(local.itemsets(), mined.itemsets(), level + " itemsets");
                assertTrue(local.rules().size() > 10, level + " rules to compare: " + local.rules().size());
                assertEquals(local.rules().size(), mined.rules().size(), level + " rules");
                // rules tying on lift and confidence are ordered by item numbers, which each engine gives its own way
                Map<String, AssociationRules.Rule> byItems = new java.util.HashMap<>();
                for (AssociationRules.Rule r : mined.rules()) {
                    byItems.put(key(mined, r), r);
                }
                double previousLift = Double.MAX_VALUE;
                for (int k = 0; k < local.rules().size(); k++) {
                    AssociationRules.Rule l = local.rules().get(k);
                    AssociationRules.Rule s = byItems.get(key(local, l));
                    assertTrue(s != null, level + " lacks the rule " + key(local, l));
                    assertEquals(l.support(), s.support(), 1e-12);
                    assertEquals(l.confidence(), s.confidence(), 1e-12);
                    assertEquals(l.lift(), s.lift(), 1e-9);
                    assertEquals(l.lift(), mined.rules().get(k).lift(), 1e-9, level + ": the same lift at place " + k);
                    assertTrue(mined.rules().get(k).lift() <= previousLift + 1e-12);
                    previousLift = mined.rules().get(k).lift();
                }
                System.out.printf("%s: %d baskets, %d itemsets, %d rules, the same%n", level, local.baskets().baskets().length,
                        local.itemsets(), local.rules().size());
            }
        }
    }
}
