package io.igw.spark.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.ml.fpm.FPGrowth;
import org.apache.spark.ml.fpm.FPGrowthModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * Frequent itemsets of shopping baskets with MLlib's FP-Growth: a basket is what a user bought in one session (a
 * gap over the session gap ends it), or every event of a session when the log has no purchases; at the category
 * level each item stands for its category (the event's, else the catalogue's). The workbench's own baskets, in Spark.
 */
public final class BasketMining {
    private BasketMining() {
    }

    /** The baskets' count, whether they are purchases, and the itemsets {@code (items array<bigint>, freq bigint)}. */
    public record Result(int baskets, boolean purchasesOnly, Dataset<Row> itemsets) {
    }

    /**
     * Mines {@code events} (the Parquet layout) for itemsets in at least {@code minCount(baskets)} baskets, of at most
     * {@code maxLength} items; {@code catalogue} (items.parquet, or null) gives categories events lack.
     */
    public static Result run(Dataset<Row> events, Dataset<Row> catalogue, boolean categories, long gapSeconds,
                             java.util.function.IntUnaryOperator minCount, int maxLength, int partitions) {
        Dataset<Row> what = events;
        if (categories) {
            Column category = col("category_id");
            if (catalogue != null) {
                what = events.join(catalogue.select(col("item_id"), col("category_id").as("listed")), "item_id", "left");
                category = coalesce(col("category_id"), col("listed"));
            }
            what = what.withColumn("what", category).where(col("what").isNotNull());
        } else {
            what = what.withColumn("what", col("item_id"));
        }
        boolean purchases = !what.where(col("behaviour").equalTo(lit("buy"))).isEmpty();
        if (purchases) {
            what = what.where(col("behaviour").equalTo(lit("buy")));
        }
        WindowSpec inTime = Window.partitionBy("user_id").orderBy("time");
        Column previous = lag(col("time"), 1).over(inTime);
        Column starts = when(previous.isNull().or(col("time").minus(previous).gt(lit(gapSeconds))), 1).otherwise(0);
        Dataset<Row> baskets = what.select("user_id", "time", "what")
                .withColumn("basket", sum(starts).over(inTime.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                .groupBy("user_id", "basket").agg(collect_set(col("what")).as("items"))
                .select("items")
                .persist(StorageLevel.MEMORY_AND_DISK());
        int n = Math.toIntExact(baskets.count());
        if (n == 0) {
            return new Result(0, purchases, baskets.limit(0));
        }
        // FP-Growth keeps itemsets in at least ceil(support × baskets): half a basket below the count asks for exactly it
        double support = (minCount.applyAsInt(n) - 0.5) / n;
        FPGrowth fp = new FPGrowth().setItemsCol("items").setMinSupport(support);
        if (partitions > 0) {
            fp.setNumPartitions(partitions);
        }
        FPGrowthModel model = fp.fit(baskets);
        Dataset<Row> itemsets = model.freqItemsets().where(org.apache.spark.sql.functions.size(col("items")).leq(lit(maxLength)));
        return new Result(n, purchases, itemsets);
    }
}
