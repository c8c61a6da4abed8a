package io.igw.engine.bench;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.graph.ItemTags;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.bench.DuckDbGraphBaseline;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.graph.GraphStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code igw bench graph}: generates N events with their catalogue and imports them (not timed); then times an
 * update with 10,000 new events, a full build over all N, and, in DuckDB on the same events, catalogue and item
 * tags, the same aggregation in SQL: decayed (user, item) weights with their strongest event, user → category,
 * brand and tag shares with pruning, each user's top items, sessions and item ↔ item co-occurrence with lift.
 */
public final class GraphBenchmark implements Job<Map<String, Object>> {
    static final int UPDATE_EVENTS = 10_000;

    private final long events;
    private final long seed;
    private final DistributedEngine.SparkOptions spark;

    public GraphBenchmark(long events, long seed) {
        this(events, seed, null);
    }

    /** With {@code spark}, also times the same build with its pass over the events in Spark, on the same data. */
    public GraphBenchmark(long events, long seed, DistributedEngine.SparkOptions spark) {
        this.events = events;
        this.seed = seed;
        this.spark = spark;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        if (events <= UPDATE_EVENTS) {
            throw new InvalidSetting("events", "must be more than " + UPDATE_EVENTS + " (the update adds that many), not " + events);
        }
        Path dir = Files.createTempDirectory("igw-bench-graph");
        try {
            context.progress(0, "generating " + events + " events");
            Path data = dir.resolve("data");
            new SampleGenerator(data, GeneratorOptions.forEvents(events, seed)).run(JobContext.quiet());
            Path all = data.resolve("events.csv");
            Path older = dir.resolve("events-a.csv");
            Path newer = dir.resolve("events-b.csv");
            long total = split(all, older, newer);
            GraphParameters params = GraphParameters.defaults();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("events", total);
            try (Workspace ws = Workspace.open(dir.resolve("workspace"), true)) {
                context.progress(0.1, "importing (not timed)");
                new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(older), Map.of(
                        DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv"),
                        DatasetKind.REVIEWS, data.resolve("reviews.csv")), null)).run(JobContext.quiet());
                context.progress(0.3, "first build (tags the catalogue, not timed)");
                GraphBuildSummary first = InterestGraphBuilder.full(ws, params).run(JobContext.quiet());
                out.put("first_build_seconds_with_tagging", first.seconds());
                new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, newer)).run(JobContext.quiet());
                context.progress(0.45, "update with " + UPDATE_EVENTS + " new events");
                GraphBuildSummary update = InterestGraphBuilder.update(ws, params).run(JobContext.quiet());
                out.put("update_events", update.newEvents());
                out.put("update_seconds", update.seconds());
                context.progress(0.5, "full build");
                System.gc();
                GraphBuildSummary full;
                double peak;
                try (HeapPeak heap = new HeapPeak()) {
                    full = InterestGraphBuilder.full(ws, params).run(JobContext.quiet());
                    peak = heap.peakMb();
                }
                out.put("build_seconds", full.seconds());
                out.put("peak_heap_mb", peak);
                out.put("max_heap_mb", HeapPeak.limitMb());
                out.put("edges", full.edges());
                context.progress(0.6, "DuckDB: loading (not timed)");
                Path tags = dir.resolve("item-tags.csv");
                writeItemTags(ws, tags);
                double[] w = params.weightsByCode();
                double duck = new DuckDbGraphBaseline(params.halfLifeDays(), new double[]{w[1], w[2], w[3], w[4]},
                        params.minShare(), params.itemsPerUser(), params.sessionGapSeconds())
                        .seconds(all, data.resolve("items.csv"), tags, full.asOf());
                out.put("duckdb_seconds", duck);
                out.put("ratio", full.seconds() / duck);
                if (spark != null) {
                    context.progress(0.8, "the same build with Spark on " + spark.master());
                    long t0 = System.nanoTime();
                    GraphBuildSummary distributed = DistributedEngine.require().graphBuild(ws, params, spark).run(JobContext.quiet());
                    double wall = (System.nanoTime() - t0) / 1e9;
                    out.put("spark_master", spark.master());
                    out.put("spark_partitions", spark.partitions());
                    // everything a person waits for: the export to Parquet, Spark's start, the job and the write-back
                    out.put("spark_seconds", wall);
                    out.put("spark_to_local_ratio", wall / full.seconds());
                    // of which the Spark job and the write-back (what is left is the export to Parquet and Spark's start)
                    out.put("spark_job_and_write_seconds", distributed.seconds());
                    out.put("spark_same_counts", distributed.edges().equals(full.edges()) && distributed.nodes().equals(full.nodes()));
                }
            }
            context.progress(1, "done");
            return out;
        } finally {
            ColumnFolderWriter.deleteTree(dir);
        }
    }

    /** Every (total / 10,000)-th line goes to the newer file, spread over users and time; returns the line count. */
    private static long split(Path all, Path older, Path newer) throws IOException {
        long lines;
        try (Stream<String> s = Files.lines(all)) {
            lines = s.count();
        }
        long every = Math.max(1, lines / UPDATE_EVENTS);
        long n = 0;
        int taken = 0;
        try (BufferedReader in = Files.newBufferedReader(all); BufferedWriter a = Files.newBufferedWriter(older);
             BufferedWriter b = Files.newBufferedWriter(newer)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                BufferedWriter to = n++ % every == every - 1 && taken < UPDATE_EVENTS ? b : a;
                if (to == b) {
                    taken++;
                }
                to.write(line);
                to.newLine();
            }
        }
        return lines;
    }

    /** The cached item tags, as DuckDB's input: item_id,tag,weight. */
    private static void writeItemTags(Workspace ws, Path file) throws IOException {
        ItemTags tags = ItemTags.cached(new GraphStore(ws).catalogueCache(ItemTags.CACHE, catalogueVersion(ws)), () -> CatalogLookup.load(ws), Map::of);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("item_id,tag,weight\n");
            for (int i = 0; i < tags.size(); i++) {
                int[] t = tags.tagsAt(i);
                float[] tw = tags.weightsAt(i);
                for (int k = 0; k < t.length; k++) {
                    w.write(tags.itemAt(i) + "," + tags.names()[t[k]] + "," + tw[k] + "\n");
                }
            }
        }
    }

    static String catalogueVersion(Workspace ws) {
        return InterestGraphBuilder.catalogueVersion(new io.igw.storage.datasets.DatasetStore(ws));
    }
}
