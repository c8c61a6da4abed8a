package io.igw.app.cli;

import io.igw.engine.distributed.DistributedEngine;
import picocli.CommandLine.Option;

/** Where a command's heavy pass runs: {@code --engine local|spark}, and with Spark its master, input and partitions. */
final class EngineOptions {
    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = {"Where the pass over the events runs: in the workbench (default) or as an Apache Spark job",
                "(see the README's Spark section)."})
    String engine;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "With --engine spark: local[*], local[N], spark://HOST:7077 or yarn (default ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--input", paramLabel = "PATH",
            description = {"With --engine spark: the events as Parquet (igw export parquet's layout) at a path Spark",
                "reads (a folder, hdfs://, s3a://); default: the workspace's events, exported first."})
    String input;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "With --engine spark: shuffle partitions (default: two per core locally, Spark's on a cluster).")
    int partitions;

    /** Whether Spark runs it; refuses an unknown engine, and Spark's options without Spark. */
    boolean spark(String... sparkOnlyGiven) {
        boolean spark = switch (engine) {
            case "local" -> false;
            case "spark" -> true;
            default -> throw new IllegalArgumentException("--engine is local or spark, not '" + engine + "'.");
        };
        boolean given = input != null || partitions != 0;
        for (String other : sparkOnlyGiven) {
            given |= other != null;
        }
        if (!spark && given) {
            throw new IllegalArgumentException("--input, --partitions and --aggregates go with --engine spark.");
        }
        return spark;
    }

    DistributedEngine.SparkOptions options(String aggregates) {
        return new DistributedEngine.SparkOptions(master, input, partitions, aggregates);
    }
}
