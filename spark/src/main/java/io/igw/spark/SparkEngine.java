package io.igw.spark;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
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
    public Job<GraphBuildSummary> graphBuild(Workspace workspace, GraphParameters params, SparkOptions options) {
        return new SparkGraphBuild(workspace, params, options);
    }
}
