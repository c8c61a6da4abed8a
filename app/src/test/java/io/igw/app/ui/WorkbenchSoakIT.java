package io.igw.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long session: thousands of seeded actions in the real window (switching screens, searching, building
 * audiences, recommending, training a small model, starting a long training and cancelling it). After a warm-up
 * and at the end, heap after a full GC, live threads and open file handles are measured: none may keep growing.
 * {@code -Digw.soak.actions=N} changes the length: 250 in the suite (about two minutes), thousands for the figures.
 */
class WorkbenchSoakIT extends FxRobot {
    static final int ACTIONS = Integer.getInteger("igw.soak.actions", 250);
    static final int WARM_UP = 200;
    static final List<String> SCREENS = List.of("data", "graph", "models", "recommendations", "targeting", "predictions", "rules",
            "reports");

    @TempDir
    static Path tmp;
    static javafx.application.Application app;
    static String leaf;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("igw.home", tmp.resolve("home").toString());
        Path shop = tmp.resolve("shop");
        new SampleGenerator(shop, GeneratorOptions.of(300, 21)).run(JobContext.quiet());
        leaf = Files.readAllLines(shop.resolve("truth.csv")).get(1).split(",")[1].split(";")[0];
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(shop.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, shop.resolve("items.csv"), DatasetKind.CATEGORIES, shop.resolve("categories.csv")), ""))
                    .run(JobContext.quiet());
            InterestGraphBuilder.full(ws, GraphParameters.defaults()).run(JobContext.quiet());
            new ModelTraining(ws, "pop", 1, 0, e -> { }).run(JobContext.quiet());
        }
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new WorkbenchApp(tmp.resolve("ws")));
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        assertTrue(((WorkbenchApp) app).awaitStopped(30));
    }

    /**
     * Heap after a full collection (MB), live threads, open file handles, and the live heap's bytes per class (the
     * JVM's class histogram), so that a rise names what grew.
     */
    private record Footprint(double heapMb, int threads, long files, Map<String, Long> bytesPerClass) {
        static Footprint now() throws Exception {
            // TestFX keeps every event fired at the registered stage (FxToolkitContext's FiredEvents, a list it never
            // trims): 19 MB of mouse events over 600 actions, the harness's memory, not the workbench's. Registering
            // the stage again drops that list and starts an empty one.
            WaitForAsyncUtils.asyncFx(() -> FxToolkit.toolkitContext().setRegisteredStage(
                    FxToolkit.toolkitContext().getRegisteredStage())).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(150);
            }
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
            long files;
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                files = fds.count();
            }
            return new Footprint(heap, ManagementFactory.getThreadMXBean().getThreadCount(), files, histogram());
        }

        private static Map<String, Long> histogram() throws Exception {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{null}, new String[]{String[].class.getName()});
            Map<String, Long> bytes = new java.util.HashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    bytes.put(f[3], Long.parseLong(f[2]));
                }
            }
            return bytes;
        }

        /** The classes whose live bytes grew most from {@code start} to this, largest first. */
        String growthSince(Footprint start, int top) {
            return bytesPerClass.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - start.bytesPerClass.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .map(e -> String.format(java.util.Locale.ROOT, "%s +%.1f MB", e.getKey(), e.getValue() / 1048576.0))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "heap %.1f MB, %d threads, %d files", heapMb, threads, files);
        }
    }

    @Test
    void heapThreadsAndFileHandlesStayFlatOverALongSession() throws Exception {
        waitFor(60, () -> lookup("#nav-targeting").tryQuery().isPresent());
        Random random = new Random(18);
        Footprint start = null;
        int[] done = new int[6];
        long t0 = System.nanoTime();
        for (int n = 0; n < ACTIONS; n++) {
            if (n == WARM_UP) {
                start = Footprint.now();
            }
            double p = random.nextDouble();
            if (p < 0.70) {
                clickOn("#nav-" + SCREENS.get(random.nextInt(SCREENS.size())));
                done[0]++;
            } else if (p < 0.80) {
                audience(random);
                done[1]++;
            } else if (p < 0.90) {
                recommend(random);
                done[2]++;
            } else if (p < 0.95) {
                search(random);
                done[3]++;
            } else if (p < 0.98) {
                train("pop", false);
                done[4]++;
            } else {
                train("autoencoder", true);
                done[5]++;
            }
        }
        clickOn("#nav-data"); // every action above waited for its job to end
        WaitForAsyncUtils.waitForFxEvents();
        Footprint end = Footprint.now();
        System.out.printf("soak: %d actions in %.0f s (%d screen switches, %d audiences, %d recommendations, %d searches, %d trainings, "
                + "%d cancelled trainings); heap after GC %.1f -> %.1f MB, threads %d -> %d, open files %d -> %d%n", ACTIONS,
                (System.nanoTime() - t0) / 1e9, done[0], done[1], done[2], done[3], done[4], done[5], start.heapMb(), end.heapMb(),
                start.threads(), end.threads(), start.files(), end.files());
        System.out.println("soak: live bytes grew most in " + end.growthSince(start, 12));
        // H2's page cache (bounded) may still fill a little: a few MB over hundreds of actions
        assertTrue(end.heapMb() <= start.heapMb() * 1.1 + 16, "the heap stays flat: " + start + " -> " + end
                + "; grew most in " + end.growthSince(start, 12));
        // the job pool keeps an idle worker for a minute: a few more threads may still be waiting for work
        assertTrue(end.threads() <= start.threads() + 6, "no thread leaks: " + start + " -> " + end);
        assertTrue(end.files() <= start.files() + 8, "no file handle leaks: " + start + " -> " + end);
    }

    private void audience(Random random) throws Exception {
        clickOn("#nav-targeting");
        waitFor(30, () -> !lookup("#buildAudience").query().isDisabled());
        String target = random.nextBoolean() ? "category:" + leaf : "category:" + leaf.substring(0, leaf.length() - 2);
        interact(() -> lookup("#targets").queryAs(TextField.class).setText(target));
        String before = text("#audienceSummary");
        clickOn("#buildAudience");
        waitFor(30, () -> !lookup("#buildAudience").query().isDisabled() && !text("#audienceSummary").equals(before)
                || text("#audienceSummary").matches("\\d+ users in the audience.*"));
    }

    private void recommend(Random random) throws Exception {
        clickOn("#nav-recommendations");
        waitFor(() -> lookup("#recommendUser").tryQuery().isPresent());
        String user = Integer.toString(1 + random.nextInt(300));
        interact(() -> lookup("#recommendUser").queryAs(TextField.class).setText(user));
        clickOn("#showRecommendations");
        waitFor(30, () -> text("#recommendStatus").startsWith("User " + user) || text("#recommendStatus").contains(user));
    }

    private void search(Random random) throws Exception {
        clickOn("#nav-graph");
        waitFor(() -> lookup("#graphSearch").tryQuery().isPresent());
        String user = Integer.toString(1 + random.nextInt(300));
        interact(() -> lookup("#graphSearch").queryAs(TextField.class).setText(user));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void train(String model, boolean cancel) throws Exception {
        clickOn("#nav-models");
        waitFor(() -> lookup("#trainButton").tryQuery().isPresent() && !lookup("#trainButton").query().isDisabled());
        interact(() -> lookup("#modelChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue(model));
        if (cancel) {
            interact(() -> lookup("#epochsSpinner").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(200));
        }
        clickOn("#trainButton");
        if (cancel) {
            waitFor(60, () -> lookup("#trainingProgress").queryAs(javafx.scene.control.ProgressBar.class).getProgress() > 0.05);
            clickOn("#cancelTraining");
            waitFor(60, () -> !lookup("#trainButton").query().isDisabled());
        } else {
            waitFor(60, () -> text("#modelsStatus").startsWith(model + " stored"));
        }
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        waitFor(20, condition);
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
