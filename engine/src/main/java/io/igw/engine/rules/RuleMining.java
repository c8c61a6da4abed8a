package io.igw.engine.rules;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.util.List;

/** Mines association rules from a workspace's baskets, of items or of categories: the job behind {@code igw rules}. */
public final class RuleMining implements Job<RuleMining.Result> {
    /** Sessions end after 30 minutes without an event, as in the interest graph. */
    public static final long SESSION_GAP_SECONDS = 30 * 60;

    public record Result(Baskets baskets, Baskets.Level level, int minCount, int itemsets, List<AssociationRules.Rule> rules,
                         double seconds) {
        /** The rules whose antecedent holds the item (or category) {@code id}: what is bought together with it. */
        public List<AssociationRules.Rule> with(long id) {
            return rules.stream().filter(r -> java.util.Arrays.stream(baskets.itemIds(r.antecedent())).anyMatch(x -> x == id)).toList();
        }
    }

    private final Workspace workspace;
    private final double minSupport;
    private final double minConfidence;
    private final int maxLength;
    private final Baskets.Level level;

    public RuleMining(Workspace workspace, double minSupport, double minConfidence, int maxLength) {
        this(workspace, minSupport, minConfidence, maxLength, Baskets.Level.ITEM);
    }

    public RuleMining(Workspace workspace, double minSupport, double minConfidence, int maxLength, Baskets.Level level) {
        check(minSupport, minConfidence, maxLength);
        this.workspace = workspace;
        this.minSupport = minSupport;
        this.minConfidence = minConfidence;
        this.maxLength = maxLength;
        this.level = level;
    }

    /** Refuses settings no mining can use, whichever engine mines (the Spark one checks with this too). */
    public static void check(double minSupport, double minConfidence, int maxLength) {
        if (minSupport <= 0 || minSupport > 1) {
            throw new InvalidSetting("min_support", "must be a share of baskets in (0, 1], not " + minSupport);
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw new InvalidSetting("min_confidence", "must be between 0 and 1, not " + minConfidence);
        }
        if (maxLength < 2) {
            throw new InvalidSetting("max_length", "must be at least 2 (a rule needs two items), not " + maxLength);
        }
    }

    /** The fewest baskets an itemset must be in: the support's share of them, and never fewer than 2. */
    public static int minCount(double minSupport, int baskets) {
        return Math.max(2, (int) Math.ceil(minSupport * baskets));
    }

    @Override
    public Result run(JobContext context) {
        context.progress(0, "gathering baskets");
        long t0 = System.nanoTime();
        Baskets baskets = Baskets.of(workspace, SESSION_GAP_SECONDS, level);
        if (baskets.baskets().length == 0) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
        }
        context.checkCancelled();
        int minCount = minCount(minSupport, baskets.baskets().length);
        context.progress(0.3, "mining " + baskets.baskets().length + " baskets (itemsets in at least " + minCount + ")");
        List<FpGrowth.Itemset> itemsets = FpGrowth.mine(baskets.baskets(), baskets.items(), minCount, maxLength);
        context.checkCancelled();
        List<AssociationRules.Rule> rules = AssociationRules.of(itemsets, baskets.baskets().length, minConfidence, 1.0);
        context.progress(1, rules.size() + " rules");
        return new Result(baskets, level, minCount, itemsets.size(), rules, (System.nanoTime() - t0) / 1e9);
    }
}
