package io.igw.engine.bench;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.FileImportResult;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.bench.CsvReadBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code igw bench import}: generates N events, imports them with full validation into a fresh workspace, and
 * measures H2's own bulk path ({@code CREATE TABLE … AS SELECT … FROM CSVREAD}) on the same file in the same run.
 */
public final class ImportBenchmark implements Job<Map<String, Object>> {
    private final long events;
    private final long seed;

    public ImportBenchmark(long events, long seed) {
        this.events = events;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        Path dir = Files.createTempDirectory("igw-bench-import");
        try {
            context.progress(0, "generating " + events + " events");
            new SampleGenerator(dir.resolve("data"), GeneratorOptions.forEvents(events, seed)).run(context.part(0, 0.2, null));
            Path csv = dir.resolve("data").resolve("events.csv");

            context.progress(0.2, "H2 CSVREAD baseline");
            double csvread = CsvReadBaseline.seconds(csv, "USER_ID,ITEM_ID,CATEGORY_ID,BEHAVIOUR,TS");

            long t0 = System.nanoTime();
            FileImportResult result;
            double seconds;
            double peak;
            try (HeapPeak heap = new HeapPeak(); Workspace ws = Workspace.open(dir.resolve("workspace"), true)) {
                // decision: like the baseline, which times only its CREATE TABLE statement, the ratio times the
                // import job alone; creating the workspace (schema migration) and closing it are reported apart
                long job = System.nanoTime();
                result = new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, csv)).run(context.part(0.5, 0.5, null)).files().get(0);
                seconds = (System.nanoTime() - job) / 1e9;
                peak = heap.peakMb();
            }
            double withWorkspace = (System.nanoTime() - t0) / 1e9;

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("events", result.read());
            out.put("imported", result.imported());
            out.put("duplicates", result.duplicates());
            out.put("rejected", result.rejected());
            out.put("seconds", seconds);
            out.put("seconds_with_workspace_creation", withWorkspace);
            out.put("events_per_s", result.read() / seconds);
            out.put("h2_csvread_seconds", csvread);
            out.put("csvread_events_per_s", result.read() / csvread);
            out.put("ratio_to_csvread", seconds / csvread);
            out.put("peak_heap_mb", peak);
            out.put("max_heap_mb", HeapPeak.limitMb());
            out.put("phase_seconds", result.phaseSeconds());
            out.put("file_mb", Files.size(csv) / (1024.0 * 1024.0));
            return out;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
