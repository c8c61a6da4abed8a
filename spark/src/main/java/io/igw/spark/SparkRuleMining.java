package io.igw.spark;

import io.igw.engine.distributed.DistributedEngine.SparkOptions;
import io.igw.engine.rules.AssociationRules;
import io.igw.engine.rules.Baskets;
import io.igw.engine.rules.FpGrowth;
import io.igw.engine.rules.RuleMining;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.spark.job.BasketMining;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code igw rules --engine spark}: the baskets and their frequent itemsets come from MLlib's FP-Growth on the named
 * master; the rules (every split of an itemset, its confidence and lift) from the workbench's
 * {@link AssociationRules}, so both engines give the same rules. The baskets themselves stay in Spark: the result
 * keeps their number, not their contents.
 */
final class SparkRuleMining implements Job<RuleMining.Result> {
    private static final int[] NO_ITEMS = new int[0];

    private final Workspace workspace;
    private final double minSupport;
    private final double minConfidence;
    private final int maxLength;
    private final Baskets.Level level;
    private final SparkOptions options;

    SparkRuleMining(Workspace workspace, double minSupport, double minConfidence, int maxLength, Baskets.Level level,
                    SparkOptions options) {
        RuleMining.check(minSupport, minConfidence, maxLength);
        this.workspace = workspace;
        this.minSupport = minSupport;
        this.minConfidence = minConfidence;
        this.maxLength = maxLength;
        this.level = level;
        this.options = options;
    }

    @Override
    public RuleMining.Result run(JobContext context) throws Exception {
        long t0 = System.nanoTime();
        return SparkSessions.overEvents(workspace, options, context, (spark, input, catalogue) -> {
            Dataset<Row> events = SparkInput.events(spark, input);
            Dataset<Row> items = catalogue == null ? null : spark.read().parquet(catalogue);
            context.progress(0.2, "mining the baskets with FP-Growth in Spark");
            BasketMining.Result mined = BasketMining.run(events, items, level == Baskets.Level.CATEGORY,
                    RuleMining.SESSION_GAP_SECONDS, n -> RuleMining.minCount(minSupport, n), maxLength, options.partitions());
            if (mined.baskets() == 0) {
                throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
            }
            int minCount = RuleMining.minCount(minSupport, mined.baskets());
            List<long[]> sets = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            TreeSet<Long> ids = new TreeSet<>();
            for (Iterator<Row> it = mined.itemsets().toLocalIterator(); it.hasNext(); ) {
                Row r = it.next();
                List<Long> members = r.getList(0);
                long[] set = members.stream().mapToLong(Long::longValue).toArray();
                sets.add(set);
                counts.add(Math.toIntExact(r.getLong(1)));
                for (long id : set) {
                    ids.add(id);
                }
            }
            context.checkCancelled();
            context.progress(0.9, "rules from " + sets.size() + " itemsets");
            long[] itemIds = ids.stream().mapToLong(Long::longValue).toArray();
            List<FpGrowth.Itemset> itemsets = new ArrayList<>(sets.size());
            for (int k = 0; k < sets.size(); k++) {
                int[] numbered = Arrays.stream(sets.get(k)).mapToInt(id -> Arrays.binarySearch(itemIds, id)).sorted().toArray();
                itemsets.add(new FpGrowth.Itemset(numbered, counts.get(k)));
            }
            List<AssociationRules.Rule> rules = AssociationRules.of(itemsets, mined.baskets(), minConfidence, 1.0);
            int[][] baskets = new int[mined.baskets()][];
            Arrays.fill(baskets, NO_ITEMS);
            context.progress(1, rules.size() + " rules");
            return new RuleMining.Result(new Baskets(baskets, itemIds, mined.purchasesOnly()), level, minCount,
                    itemsets.size(), rules, (System.nanoTime() - t0) / 1e9);
        });
    }
}
