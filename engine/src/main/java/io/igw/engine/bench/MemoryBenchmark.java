package io.igw.engine.bench;

import io.igw.engine.ArchitectureExemption;
import io.igw.engine.activity.ActivityLog;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.prediction.BehaviourPrediction;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.recommenders.Interactions;
import io.igw.engine.recommenders.LibraryVersions;
import io.igw.engine.recommenders.ModelCatalog;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.rules.Baskets;
import io.igw.engine.rules.RuleMining;
import io.igw.engine.targeting.TargetingData;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.stats.WorkspaceSize;
import io.igw.storage.stats.WorkspaceStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks the memory estimates that refuse a job before it starts against what the job really holds: on a copy of
 * a workspace (the original is not touched), each job runs as the command line runs it (a graph build, the audience
 * data, a churn prediction, rule mining, and the training of each model kind, stored in the copy), each in a JVM of
 * its own with this one's heap limit, while {@link LivePeak} measures its live heap and the memory outside the JVM's. Each row gives the estimate, the measurement and their
 * ratio; an estimate is an upper bound when every ratio is at least 1.
 */
@ArchitectureExemption("its child JVM reports its measurement on standard output, which only the parent benchmark reads")
public final class MemoryBenchmark implements Job<Map<String, Object>> {
    private static final double MB = 1024.0 * 1024;

    private final Path workspace;
    private final List<String> models;
    private final int epochs;
    private final long seed;

    public MemoryBenchmark(Path workspace, List<String> models, int epochs, long seed) {
        InvalidSetting.atLeast("epochs", epochs, 1);
        models.forEach(ModelCatalog::checkTrainable);
        this.workspace = workspace;
        this.models = models.isEmpty() ? ModelCatalog.names() : models;
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        Path copy = Files.createTempDirectory("igw-bench-memory");
        try {
            Path ws = copy.resolve("ws");
            copyTree(workspace, ws);
            WorkspaceSize size;
            Map<String, MemoryNeed> estimates = new LinkedHashMap<>();
            try (Workspace w = Workspace.open(ws, false)) {
                size = new WorkspaceStats(w).size();
                estimates.put("graph build", MemoryNeed.heap(InterestGraphBuilder.neededBytes(size.events())));
                estimates.put("audience data", ActivityLog.bytesToLoad(size));
                estimates.put("predict churn", BehaviourPrediction.memoryNeed(size));
                estimates.put("rules", Baskets.bytesToGather(size));
                for (String model : models) {
                    estimates.put("train " + model, trainingNeed(w, size, model));
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            int step = 0;
            for (Map.Entry<String, MemoryNeed> job : estimates.entrySet()) {
                context.checkCancelled();
                context.progress(step++ / (double) estimates.size(), job.getKey());
                rows.add(row(job.getKey(), job.getValue(), measure(ws, job.getKey())));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("workspace", workspace.toString());
            out.put("users", size.users());
            out.put("items", size.items());
            out.put("events", size.events());
            out.put("epochs", epochs);
            out.put("heap_limit_mb", Math.round(Runtime.getRuntime().maxMemory() / MB));
            out.put("sample_every_ms", LivePeak.EVERY_MS);
            out.put("jobs", rows);
            List<Map<String, Object>> measured = rows.stream().filter(r -> r.containsKey("ratio")).toList();
            out.put("measured_jobs", measured.size());
            out.put("refused_jobs", rows.stream().filter(r -> r.containsKey("refused")).count());
            out.put("failed_jobs", rows.stream().filter(r -> r.containsKey("failed")).count());
            out.put("every_estimate_an_upper_bound", measured.stream().allMatch(r -> (Boolean) r.get("within_estimate")));
            out.put("lowest_ratio", measured.stream().mapToDouble(r -> (Double) r.get("ratio")).min().orElse(Double.NaN));
            return out;
        } finally {
            deleteTree(copy);
        }
    }

    /** A training's estimate as the job makes it: the larger of reading the interactions and learning from them. */
    private MemoryNeed trainingNeed(Workspace ws, WorkspaceSize size, String model) {
        var trainer = ModelCatalog.trainer(model, ws);
        Interactions all = trainer.withItemsItCanScore(Interactions.toLearnFrom(ws));
        return MemoryNeed.heap(Interactions.bytesToRead(size.users(), size.items(), size.events()))
                .orAtMost(ModelTraining.memoryToTrain(trainer, all, epochs));
    }

    /**
     * Runs one job in a JVM of its own with this one's heap limit ({@link #main}), so that what an earlier job left
     * resident does not hide what this one needs; returns its line: "measured HEAP NATIVE SECONDS" or "refused ...".
     */
    private String measure(Path ws, String job) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx" + Runtime.getRuntime().maxMemory(), "-cp",
                System.getProperty("java.class.path"), MemoryBenchmark.class.getName(), ws.toString(), job,
                String.valueOf(seed), String.valueOf(epochs)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String said;
        try (var out = child.inputReader()) {
            said = out.lines().filter(l -> l.startsWith("measured ") || l.startsWith("refused "))
                    .reduce((a, b) -> b).orElse("failed with nothing said");
        }
        int exit = child.waitFor();
        return exit == 0 || said.startsWith("refused ") ? said : "failed (exit " + exit + ")";
    }

    /** The child's side of {@link #measure}: {@code WORKSPACE JOB SEED EPOCHS}. */
    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        String job = args[1];
        long seed = Long.parseLong(args[2]);
        int epochs = Integer.parseInt(args[3]);
        LibraryVersions.loadNativeLibraries(); // before the baseline: ND4J's libraries are not the job's
        try (Workspace w = Workspace.open(ws, false); LivePeak peak = new LivePeak()) {
            long t0 = System.nanoTime();
            try {
                work(job, seed, epochs).run(w);
            } catch (NotEnoughMemory refused) {
                System.out.println("refused " + refused.getMessage());
                System.exit(0);
            }
            peak.close();
            System.out.println("measured " + peak.heapBytes() + " " + peak.nativeBytes() + " " + (System.nanoTime() - t0) / 1e9);
        }
        System.exit(0); // ND4J's and H2's threads are not waited for
    }

    /** One job's work, as the command line runs it. */
    private interface Work {
        void run(Workspace ws) throws Exception;
    }

    private static Work work(String job, long seed, int epochs) {
        return switch (job) {
            case "graph build" -> w -> InterestGraphBuilder.full(w, GraphParameters.defaults()).run(JobContext.quiet());
            case "audience data" -> w -> new TargetingData(w).run(JobContext.quiet());
            case "predict churn" -> w -> new BehaviourPrediction(w, Outcome.CHURN, 7, seed).run(JobContext.quiet());
            case "rules" -> w -> new RuleMining(w, 0.01, 0.1, 3).run(JobContext.quiet());
            default -> w -> new ModelTraining(w, job.substring("train ".length()), seed, epochs, e -> {
            }).run(JobContext.quiet());
        };
    }

    private static Map<String, Object> row(String job, MemoryNeed estimate, String measured) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("job", job);
        row.put("estimate_heap_mb", round(estimate.heapBytes() / MB));
        row.put("estimate_native_mb", round(estimate.nativeBytes() / MB));
        if (!measured.startsWith("measured ")) {
            // refused before it started at this heap (a larger one, IGW_HEAP, measures it), or failed
            row.put(measured.startsWith("refused ") ? "refused" : "failed", measured.substring(measured.indexOf(' ') + 1));
            return row;
        }
        String[] f = measured.split(" ");
        long heap = Long.parseLong(f[1]);
        long outside = Long.parseLong(f[2]);
        row.put("measured_heap_mb", round(heap / MB));
        row.put("measured_native_mb", round(outside / MB));
        // a job that allocates nothing natively is judged by its heap: what moves outside it then is the JVM's noise
        row.put("ratio", round(estimate.nativeBytes() == 0 ? (double) estimate.heapBytes() / Math.max(1, heap)
                : (double) (estimate.heapBytes() + estimate.nativeBytes()) / Math.max(1, heap + outside)));
        row.put("heap_ratio", round((double) estimate.heapBytes() / Math.max(1, heap)));
        // the native measure is the resident memory beyond the JVM's own: some MB of it move in any job
        row.put("within_estimate", heap <= estimate.heapBytes() && outside <= estimate.nativeBytes() + NATIVE_NOISE);
        row.put("seconds", round(Double.parseDouble(f[3])));
        return row;
    }

    /**
     * How far the resident memory beyond the JVM's heap and non-heap may move in a job that allocates nothing
     * natively: the collector's own structures, new threads' stacks, the compiler's arenas (35 MB measured at most).
     */
    static final long NATIVE_NOISE = 64L << 20;

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("No workspace at " + from + ".");
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
