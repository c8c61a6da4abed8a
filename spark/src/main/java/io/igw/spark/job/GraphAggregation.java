package io.igw.spark.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * The part of an interest-graph build that grows with the events, as Spark SQL over a log in the workbench's Parquet
 * layout ({@code user_id, item_id, category_id, behaviour, time, strength}): per (user, item) the sum of its events'
 * behaviour weights decayed to the as-of time, its last event and its strongest; users' sessions (gaps over the
 * session gap), each session's first distinct items in time order, and per item and per pair of items how many
 * sessions had them. The same arithmetic as the workbench's own builder; the workbench does the rest (shares,
 * pruning, lift, category links) from these tables.
 *
 * <p>Only built-in column expressions: no closure or user class reaches the executors, so a cluster needs nothing
 * of the workbench but this jar on the driver.
 */
public final class GraphAggregation {
    private GraphAggregation() {
    }

    /** How events weigh: the builder's parameters, in the job's own terms. */
    public record Settings(Long asOf, double halfLifeDays, Map<String, Double> weights, long sessionGapSeconds,
                           int maxSessionItems, String rateLabel) {
        public Settings {
            weights = Map.copyOf(new LinkedHashMap<>(weights));
        }

        /** view=1,fav=3,… as the job's command line takes them. */
        public static Map<String, Double> parseWeights(String text) {
            Map<String, Double> w = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                String[] kv = part.split("=");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("--weights takes behaviour=weight pairs, not '" + part + "'");
                }
                w.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            }
            return w;
        }
    }

    /**
     * The aggregates: {@code pairs(user_id, item_id, weight, last, best_weight, best_behaviour, best_time)},
     * {@code items(item_id, category_id, sessions)}, {@code item_pairs(item_a, item_b, sessions)} with a &lt; b, and
     * the totals.
     */
    public record Result(long asOf, long events, long skipped, long sessions, Dataset<Row> pairs, Dataset<Row> items,
                         Dataset<Row> itemPairs) {
    }

    /** The workbench's default behaviour weights (GraphParameters.defaults()), for a job submitted without --weights. */
    public static final String DEFAULT_WEIGHTS = "view=1,fav=3,cart=4,buy=6,rate=5";
    /** The workbench's session gap and cap on a session's paired items, for a submitted job. */
    public static final long SESSION_GAP_SECONDS = 30 * 60;
    public static final int MAX_SESSION_ITEMS = 40;

    /**
     * {@code spark-submit --class io.igw.spark.job.GraphAggregation igw-spark.jar --input PATH --output PATH
     * [--as-of EPOCH_SECONDS] [--half-life-days 14] [--weights view=1,fav=3,cart=4,buy=6,rate=5]}: the aggregates as
     * Parquet under the output ({@code pairs/}, {@code items/}, {@code item_pairs/}, {@code totals/}), which
     * {@code igw graph build --engine spark --aggregates PATH} writes into a workspace as a build.
     */
    public static void main(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int k = 0; k < args.length; k++) {
            if (!args[k].startsWith("--") || k + 1 == args.length) {
                throw new IllegalArgumentException("usage: --input PATH --output PATH [--as-of EPOCH_SECONDS] "
                        + "[--half-life-days D] [--weights view=1,fav=3,...]; not '" + args[k] + "'");
            }
            a.put(args[k].substring(2), args[++k]);
        }
        if (!a.containsKey("input") || !a.containsKey("output")) {
            throw new IllegalArgumentException("--input and --output are required");
        }
        Settings s = new Settings(a.containsKey("as-of") ? Long.valueOf(a.get("as-of")) : null,
                Double.parseDouble(a.getOrDefault("half-life-days", "14")),
                Settings.parseWeights(a.getOrDefault("weights", DEFAULT_WEIGHTS)), SESSION_GAP_SECONDS, MAX_SESSION_ITEMS, "rate");
        SparkSession spark = SparkSession.builder().appName("Interest Graph Workbench: graph aggregation").getOrCreate();
        try {
            write(spark, run(spark, spark.read().parquet(a.get("input")), s), s, a.get("output"));
        } finally {
            spark.stop();
        }
    }

    /** Writes the aggregates under {@code output} (replacing what is there), with one row of totals. */
    public static void write(SparkSession spark, Result r, Settings s, String output) {
        r.pairs().write().mode("overwrite").parquet(output + "/pairs");
        r.items().write().mode("overwrite").parquet(output + "/items");
        r.itemPairs().write().mode("overwrite").parquet(output + "/item_pairs");
        spark.sql(String.format(java.util.Locale.ROOT, "SELECT CAST(%d AS BIGINT) AS as_of, CAST(%d AS BIGINT) AS events, "
                        + "CAST(%d AS BIGINT) AS skipped, CAST(%d AS BIGINT) AS sessions, CAST(%s AS DOUBLE) AS half_life_days",
                r.asOf(), r.events(), r.skipped(), r.sessions(), Double.toString(s.halfLifeDays())))
                .coalesce(1).write().mode("overwrite").parquet(output + "/totals");
    }

    /** Aggregates {@link #write} wrote, as a result again; {@code halfLifeDays} is what they were decayed with. */
    public static Result read(SparkSession spark, String output, double[] halfLifeDays) {
        Row t = spark.read().parquet(output + "/totals").first();
        halfLifeDays[0] = t.getDouble(4);
        return new Result(t.getLong(0), t.getLong(1), t.getLong(2), t.getLong(3), spark.read().parquet(output + "/pairs"),
                spark.read().parquet(output + "/items"), spark.read().parquet(output + "/item_pairs"));
    }

    public static Result run(SparkSession spark, Dataset<Row> events, Settings s) {
        long asOf = s.asOf() != null ? s.asOf() : events.agg(max("time")).first().getLong(0);
        // both totals in one pass over the input
        Row totals = events.agg(count(lit(1)), sum(when(col("time").leq(lit(asOf)), 1L).otherwise(0L))).first();
        long total = totals.getLong(0);
        long counted = totals.isNullAt(1) ? 0 : totals.getLong(1);
        Dataset<Row> kept = events.where(col("time").leq(lit(asOf)))
                .withColumn("w", weight(s, asOf))
                .persist(StorageLevel.MEMORY_AND_DISK());

        Dataset<Row> pairs = kept.groupBy("user_id", "item_id")
                .agg(sum("w").as("weight"), max("time").as("last"),
                        // the strongest event; of equal ones the earliest (they then agree on behaviour and time)
                        max(struct(col("w"), col("time").multiply(-1).as("neg_time"), col("behaviour"))).as("best"))
                .select(col("user_id"), col("item_id"), col("weight"), col("last"), col("best.w").as("best_weight"),
                        col("best.behaviour").as("best_behaviour"), col("best.neg_time").multiply(-1).as("best_time"));

        WindowSpec inTime = Window.partitionBy("user_id").orderBy("time", "item_id");
        Column previous = lag(col("time"), 1).over(inTime);
        Column starts = when(previous.isNull().or(col("time").minus(previous).gt(lit(s.sessionGapSeconds()))), 1).otherwise(0);
        Dataset<Row> sessionItems = kept.select("user_id", "item_id", "time")
                .withColumn("session", sum(starts).over(inTime.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                .groupBy("user_id", "session", "item_id").agg(min("time").as("first"))
                .withColumn("rank", row_number().over(Window.partitionBy("user_id", "session").orderBy("first", "item_id")))
                .where(col("rank").leq(lit(s.maxSessionItems())))
                .select("user_id", "session", "item_id", "rank")
                .persist(StorageLevel.MEMORY_AND_DISK());
        // every session has exactly one first item
        long sessions = sessionItems.where(col("rank").equalTo(lit(1))).count();

        Dataset<Row> itemSessions = sessionItems.groupBy("item_id").agg(count(lit(1)).as("sessions"));
        Dataset<Row> items = kept.groupBy("item_id").agg(min("category_id").as("category_id"))
                .join(itemSessions, "item_id", "left")
                .select(col("item_id"), col("category_id"), coalesce(col("sessions"), lit(0L)).as("sessions"));
        Dataset<Row> a = sessionItems.select("user_id", "session", "item_id").toDF("user_id", "session", "item_a");
        Dataset<Row> b = sessionItems.select("user_id", "session", "item_id").toDF("user_id", "session", "item_b");
        Dataset<Row> itemPairs = a.join(b, a.col("user_id").equalTo(b.col("user_id"))
                        .and(a.col("session").equalTo(b.col("session"))).and(a.col("item_a").lt(b.col("item_b"))))
                .groupBy("item_a", "item_b").agg(count(lit(1)).as("sessions"));
        return new Result(asOf, counted, total - counted, sessions, pairs, items, itemPairs);
    }

    /** An event's behaviour weight (a rating's scaled by its stars out of five), decayed to the as-of time. */
    private static Column weight(Settings s, long asOf) {
        Column base = lit(1.0);
        for (Map.Entry<String, Double> e : s.weights().entrySet()) {
            base = when(col("behaviour").equalTo(lit(e.getKey())), lit(e.getValue())).otherwise(base);
        }
        Column rated = col("behaviour").equalTo(lit(s.rateLabel())).and(col("strength").isNotNull())
                .and(isnan(col("strength")).unary_$bang());
        Column stars = greatest(col("strength"), lit(0f)).cast("double").divide(lit(5.0));
        Column scaled = when(rated, base.multiply(stars)).otherwise(base);
        Column age = lit(asOf).minus(col("time")).cast("double").divide(lit(s.halfLifeDays() * 86_400.0));
        return scaled.multiply(pow(lit(0.5), age));
    }
}
