package io.igw.engine.distributed;

import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.rules.Baskets;
import io.igw.engine.rules.RuleMining;
import io.igw.engine.task.Job;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The work the workbench hands to an engine beyond this process: Apache Spark, in the {@code spark} module, which
 * is on the class path only when a Spark command runs ({@code ./igw} adds it). The desktop never depends on it at
 * compile time; {@link #find} looks it up and {@link #require} says how to get it when it is missing.
 */
public interface DistributedEngine {
    /** Writes the workspace's events and catalogue as Parquet under {@code folder}: what the Spark jobs read. */
    Job<Map<String, Object>> exportParquet(Workspace workspace, Path folder);

    /**
     * A graph build whose pass over the events runs as a Spark job on {@code options.master()}, reading Parquet from
     * {@code options.input()} (the workspace's own events, exported first, when null); the workbench writes the
     * result as an ordinary build.
     */
    Job<GraphBuildSummary> graphBuild(Workspace workspace, GraphParameters params, SparkOptions options);

    /**
     * Association rules whose baskets and frequent itemsets come from MLlib's FP-Growth on {@code options.master()};
     * the rules are the workbench's own split of those itemsets.
     */
    Job<RuleMining.Result> rules(Workspace workspace, double minSupport, double minConfidence, int maxLength,
                                 Baskets.Level level, SparkOptions options);

    /**
     * Factorises the implicit feedback {@code rows[u]} (the items user u touched, each a positive observation) with
     * MLlib's alternating least squares: confidence 1 + alpha per observation, regularisation {@code regularization}
     * times each row's count (MLlib's). Runs on {@code master}; the factors come back indexed as given.
     */
    ImplicitFactors factorise(int[][] rows, int items, int rank, int iterations, double regularization, double alpha,
                              long seed, String master, io.igw.engine.task.JobContext context) throws Exception;

    /**
     * Where a Spark job runs and what it reads; {@code aggregates} names the output of the aggregation job run with
     * spark-submit, to write back instead of running it.
     */
    record SparkOptions(String master, String input, int partitions, String aggregates) {
        public SparkOptions(String master, String input, int partitions) {
            this(master, input, partitions, null);
        }

        public SparkOptions {
            if (master == null || master.isBlank()) {
                master = "local[*]";
            }
            io.igw.engine.errors.InvalidSetting.atLeast("partitions", partitions, 0);
            if (input != null && aggregates != null) {
                throw io.igw.engine.errors.InvalidSetting.conflict("input", "aggregates");
            }
        }
    }

    static Optional<DistributedEngine> find() {
        Iterator<DistributedEngine> found = ServiceLoader.load(DistributedEngine.class).iterator();
        return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
    }

    /** The engine, or {@link io.igw.engine.errors.MissingPrerequisite.Need#SPARK} when this installation has none. */
    static DistributedEngine require() {
        return find().orElseThrow(() -> new io.igw.engine.errors.MissingPrerequisite(
                io.igw.engine.errors.MissingPrerequisite.Need.SPARK));
    }
}
