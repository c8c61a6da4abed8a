package io.igw.spark;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.distributed.ImplicitFactors;
import io.igw.engine.task.JobContext;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.rules.Baskets;
import io.igw.engine.rules.RuleMining;
import io.igw.engine.task.Job;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.Map;

/** Apache Spark as the workbench's {@link DistributedEngine}, found through {@link java.util.ServiceLoader}. */
public final class SparkEngine implements DistributedEngine {
    @Override
    public Job<Map<String, Object>> exportParquet(Workspace workspace, Path folder) {
        return new ParquetExport(workspace, folder);
    }

    @Override
    public Job<RuleMining.Result> rules(Workspace workspace, double minSupport, double minConfidence, int maxLength,
                                        Baskets.Level level, SparkOptions options) {
        return new SparkRuleMining(workspace, minSupport, minConfidence, maxLength, level, options);
    }

    @Override
    public ImplicitFactors factorise(int[][] rows, int items, int rank, int iterations, double regularization,
                                     double alpha, long seed, String master, JobContext context) {
        return SparkFactorisation.run(rows, items, rank, iterations, regularization, alpha, seed, master, context);
    }

    @Override
    public Job<GraphBuildSummary> graphBuild(Workspace workspace, GraphParameters params, SparkOptions options) {
        return new SparkGraphBuild(workspace, params, options);
    }
}
