package io.igw.spark;

import io.igw.engine.distributed.DistributedEngine.SparkOptions;
import io.igw.engine.graph.AggregatedEvents;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.spark.job.GraphAggregation;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.stats.WorkspaceStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code igw graph build --engine spark}: the pass over the events runs as {@link GraphAggregation} on the named
 * master, over Parquet (the workspace's own events, exported first, unless {@code --input} names a path Spark
 * reads: a folder, HDFS or S3); its tables stream back to this driver a partition at a time and become an ordinary
 * build through {@link InterestGraphBuilder#fromAggregates}.
 */
final class SparkGraphBuild implements Job<GraphBuildSummary> {
    private final Workspace workspace;
    private final GraphParameters params;
    private final SparkOptions options;

    SparkGraphBuild(Workspace workspace, GraphParameters params, SparkOptions options) {
        this.workspace = workspace;
        this.params = params;
        this.options = options;
    }

    @Override
    public GraphBuildSummary run(JobContext context) throws Exception {
        long[] range = new WorkspaceStats(workspace).timeRange();
        if (range == null) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
        }
        long asOf = params.asOf() != null ? params.asOf() : range[1];
        if (options.aggregates() != null) {
            return fromSubmittedJob(context);
        }
        return SparkSessions.overEvents(workspace, options, context, (spark, events, catalogue) -> {
            context.progress(0.15, "aggregating the events in Spark");
            GraphAggregation.Result result = GraphAggregation.run(spark, SparkInput.events(spark, events), settings(params, asOf));
            context.checkCancelled();
            return InterestGraphBuilder.fromAggregates(workspace, params, new Streamed(result)).run(context);
        });
    }

    /** The output of a job run with spark-submit, read (on the named master, local by default) into a build. */
    private GraphBuildSummary fromSubmittedJob(JobContext context) throws Exception {
        context.progress(0.05, "reading the Spark job's aggregates");
        SparkSession spark = SparkSessions.start(options.master(), options.partitions());
        try {
            double[] halfLife = new double[1];
            GraphAggregation.Result result;
            try {
                result = GraphAggregation.read(spark, options.aggregates(), halfLife);
            } catch (Exception e) {
                if (e instanceof org.apache.spark.sql.AnalysisException) {
                    throw new IllegalArgumentException("--aggregates " + options.aggregates() + " is not the output of the "
                            + "graph aggregation job (pairs/, items/, item_pairs/, totals/): " + e.getMessage().lines().findFirst().orElse(""));
                }
                throw e;
            }
            if (halfLife[0] != params.halfLifeDays()) {
                throw new IllegalArgumentException("The job's aggregates were decayed with a half-life of " + halfLife[0]
                        + " days: build with --half-life-days " + halfLife[0] + ", or run the job again with --half-life-days "
                        + params.halfLifeDays() + ".");
            }
            return InterestGraphBuilder.fromAggregates(workspace, params, new Streamed(result)).run(context);
        } finally {
            spark.stop();
        }
    }

    static GraphAggregation.Settings settings(GraphParameters params, long asOf) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Behaviour b : Behaviour.values()) {
            weights.put(b.label(), params.behaviourWeights().getOrDefault(b, 1.0));
        }
        return new GraphAggregation.Settings(asOf, params.halfLifeDays(), weights, params.sessionGapSeconds(),
                InterestGraphBuilder.MAX_SESSION_ITEMS, Behaviour.RATE.label());
    }

    /** The job's tables as the builder reads them, pulled to the driver a partition at a time. */
    record Streamed(GraphAggregation.Result result) implements AggregatedEvents {
        @Override
        public long asOf() {
            return result.asOf();
        }

        @Override
        public long events() {
            return result.events();
        }

        @Override
        public long skipped() {
            return result.skipped();
        }

        @Override
        public long sessions() {
            return result.sessions();
        }

        @Override
        public void pairs(PairRows rows) {
            for (Iterator<Row> it = result.pairs().toLocalIterator(); it.hasNext(); ) {
                Row r = it.next();
                rows.pair(r.getLong(0), r.getLong(1), r.getDouble(2), r.getLong(3), r.getDouble(4), r.getString(5), r.getLong(6));
            }
        }

        @Override
        public void items(ItemRows rows) {
            for (Iterator<Row> it = result.items().toLocalIterator(); it.hasNext(); ) {
                Row r = it.next();
                rows.item(r.getLong(0), r.isNullAt(1) ? null : r.getLong(1), r.getLong(2));
            }
        }

        @Override
        public void itemPairs(ItemPairRows rows) {
            for (Iterator<Row> it = result.itemPairs().toLocalIterator(); it.hasNext(); ) {
                Row r = it.next();
                rows.itemPair(r.getLong(0), r.getLong(1), r.getLong(2));
            }
        }
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
