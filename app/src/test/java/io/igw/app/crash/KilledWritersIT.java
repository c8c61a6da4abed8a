package io.igw.app.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.engine.recommenders.ModelRegistry;
import io.igw.engine.recommenders.RegisteredModel;
import io.igw.engine.recommenders.StoredModel;
import io.igw.engine.task.JobContext;
import io.igw.storage.OutputFile;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.graph.GraphBuild;
import io.igw.storage.graph.GraphStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every writer after an import survives a kill: each runs in a child JVM that is SIGKILLed (no shutdown hook, no
 * clean-up) at several points, early, half-way and while what it made is being saved, with a seeded jitter of up to
 * 40 ms after the point. After each kill the workspace opens, the previous build, model, prediction or file is intact
 * and current (or the new one is there whole), nothing half-written or left over is visible, and the same step run
 * again succeeds. The tally is printed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KilledWritersIT {
    /**
     * Every kill point with {@code -Digw.kills=all} (about 40 kills, a quarter of an hour on two cores); by default a
     * few per writer, so that the suite stays quick, each model kind's save among them once.
     */
    static final boolean ALL = "all".equals(System.getProperty("igw.kills"));

    @TempDir
    static Path tmp;
    static Path ws;
    static Path data;
    static long lastTime;
    static final Random JITTER = new Random(18);
    static final List<String> TALLY = new ArrayList<>();

    /** Where in a writer's run the kill comes: the line that triggers it. */
    record KillPoint(String name, Predicate<String> line) {
    }

    static final KillPoint EARLY = new KillPoint("early", l -> l.startsWith("progress "));
    static final KillPoint HALF_WAY = new KillPoint("half-way", l -> fraction(l) >= 0.5);
    static final KillPoint SAVING = new KillPoint("saving", l -> l.equals("saving") || fraction(l) >= 0.9);

    private static double fraction(String line) {
        return line.startsWith("progress ") ? Double.parseDouble(line.substring(9)) : -1;
    }

    @BeforeAll
    static void workspace() throws Exception {
        data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(1000, 18).withItems(1000)).run(JobContext.quiet());
        try (Stream<String> lines = Files.lines(data.resolve("events.csv"))) {
            lastTime = lines.mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).max().orElseThrow();
        }
        ws = tmp.resolve("ws");
        try (Workspace w = Workspace.open(ws, true)) {
            new WorkspaceImport(w, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv"),
                            DatasetKind.USERS, data.resolve("users.csv")), "")).run(JobContext.quiet());
            WriterChild.run("build", w, null, JobContext.quiet());
        }
    }

    @AfterAll
    static void tally() {
        System.out.println("kill points tried, per writer:");
        TALLY.forEach(t -> System.out.println("  " + t));
    }

    private static List<KillPoint> points(List<KillPoint> all, List<KillPoint> few) {
        return ALL ? all : few;
    }

    @Test
    @Order(1)
    void aKilledGraphBuildOrUpdateLeavesThePreviousBuildCurrentAndRunsAgain() throws Exception {
        for (KillPoint at : points(List.of(EARLY, HALF_WAY, SAVING), List.of(HALF_WAY, SAVING))) {
            graphTrial("build", at);
        }
        for (KillPoint at : points(List.of(EARLY, HALF_WAY, SAVING), List.of(SAVING))) {
            importNewEvents();
            graphTrial("update", at);
        }
    }

    private static void graphTrial(String writer, KillPoint at) throws Exception {
        List<Integer> before;
        try (Workspace w = Workspace.open(ws, false)) {
            before = ids(w);
        }
        boolean killed = killAt(writer, at, null);
        try (Workspace w = Workspace.open(ws, false)) {
            List<Integer> after = ids(w);
            // newest first; a new build may have retired the oldest unpinned one (five are kept)
            boolean made = !after.isEmpty() && after.get(0) > before.get(0);
            assertTrue(made ? before.containsAll(after.subList(1, after.size())) : after.equals(before),
                    writer + " " + at.name() + ": the builds before and at most one new, complete: " + before + " -> " + after);
            InterestGraph g = InterestGraph.latest(w).orElseThrow();
            assertEquals(after.get(0), g.build().id(), "the newest complete build is current");
            assertTrue(g.users().length > 100 && !g.interests(g.users()[0], GraphKind.CATEGORY).isEmpty(), "and reads whole");
            noLeftovers(writer + " " + at.name());
            TALLY.add(tallied(writer, at, killed, made ? "its new build complete" : "the previous build current"));
            WriterChild.run(writer, w, null, JobContext.quiet());
            // an update whose killed run had finished finds nothing new to fold in, and keeps the build it made
            boolean nothingNew = writer.equals("update") && made;
            assertTrue(nothingNew ? ids(w).get(0).equals(after.get(0)) : ids(w).get(0) > after.get(0),
                    writer + " runs again after the kill: " + after + " -> " + ids(w));
        }
    }

    private static List<Integer> ids(Workspace w) {
        return new GraphStore(w).list().stream().map(GraphBuild::id).toList();
    }

    /** Events after everything so far, for existing users and items: what an update has to fold in. */
    private static void importNewEvents() throws Exception {
        List<String> some;
        try (Stream<String> lines = Files.lines(data.resolve("events.csv"))) {
            some = lines.limit(300).toList();
        }
        StringBuilder sb = new StringBuilder();
        for (String l : some) {
            lastTime += 60;
            sb.append(l, 0, l.lastIndexOf(',') + 1).append(lastTime).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("new-" + lastTime + ".csv"), sb);
        try (Workspace w = Workspace.open(ws, false)) {
            new WorkspaceImport(w, ImportRequest.events(ImportFormat.TAOBAO, file)).run(JobContext.quiet());
        }
    }

    @Test
    @Order(4)
    void aKilledTrainingKeepsTheStoredModelsAndTrainsAgain() throws Exception {
        List<String> kinds = List.of("pop", "itemknn", "ease", "content", "autoencoder", "cfgan", "deepwalk", "sequence");
        for (int k = 0; k < kinds.size(); k++) {
            String kind = kinds.get(k);
            // by default each kind once, its save and half-way by turns
            for (KillPoint at : points(List.of(HALF_WAY, SAVING), List.of(k % 2 == 0 ? SAVING : HALF_WAY))) {
                List<Integer> before;
                try (Workspace w = Workspace.open(ws, false)) {
                    before = models(w);
                }
                boolean killed = killAt("train:" + kind, at, null);
                try (Workspace w = Workspace.open(ws, false)) {
                    List<Integer> after = models(w);
                    boolean made = !after.equals(before);
                    assertTrue(!made || after.size() == before.size() + 1 && after.containsAll(before),
                            kind + " " + at.name() + ": the models before and at most one new, complete: " + before + " -> " + after);
                    if (made || !before.isEmpty() && new ModelRegistry(w).latest(kind).isPresent()) {
                        scores(w, kind);
                    }
                    noLeftovers(kind + " " + at.name());
                    TALLY.add(tallied("train " + kind, at, killed, made ? "its new model complete" : "the stored models as they were"));
                    WriterChild.run("train:" + kind, w, null, JobContext.quiet());
                    assertEquals(after.size() + 1, models(w).size(), kind + " trains again after the kill");
                    scores(w, kind);
                }
            }
        }
    }

    private static List<Integer> models(Workspace w) {
        return new ModelRegistry(w).list().stream().map(RegisteredModel::id).toList();
    }

    /** The newest model of the kind loads and scores every item. */
    private static void scores(Workspace w, String kind) {
        StoredModel m = StoredModel.load(w, null, kind);
        float[] s = new float[m.interactions().items()];
        m.recommender().score(new int[]{0, 1, 2}, s);
        for (float x : s) {
            assertFalse(Float.isNaN(x), kind + " scores every item");
        }
    }

    @Test
    @Order(2)
    void aKilledPredictionKeepsThePreviousOne() throws Exception {
        try (Workspace w = Workspace.open(ws, false)) {
            WriterChild.run("predict", w, null, JobContext.quiet());
        }
        SavedPredictions.Scores first;
        try (Workspace w = Workspace.open(ws, false)) {
            first = SavedPredictions.latest(w, Outcome.CHURN).orElseThrow();
        }
        for (KillPoint at : points(List.of(EARLY, HALF_WAY, SAVING, SAVING), List.of(SAVING))) {
            boolean killed = killAt("predict", at, null);
            try (Workspace w = Workspace.open(ws, false)) {
                SavedPredictions.Scores kept = SavedPredictions.latest(w, Outcome.CHURN).orElseThrow();
                assertArrayEquals(first.userIds(), kept.userIds(), "predict " + at.name() + ": a whole prediction is current");
                assertArrayEquals(first.probabilities(), kept.probabilities());
                noLeftovers("predict " + at.name());
                TALLY.add(tallied("predict", at, killed, "a whole prediction current"));
                WriterChild.run("predict", w, null, JobContext.quiet());
                assertTrue(SavedPredictions.latest(w, Outcome.CHURN).isPresent());
            }
        }
    }

    @Test
    @Order(3)
    void aKilledAudienceExportOrReportLeavesThePreviousFileWhole() throws Exception {
        Path csv = tmp.resolve("audience.csv");
        Path html = tmp.resolve("report.html");
        Path pdf = tmp.resolve("report.pdf");
        try (Workspace w = Workspace.open(ws, false)) {
            WriterChild.run("audience", w, csv, JobContext.quiet());
            WriterChild.run("report", w, html, JobContext.quiet());
            WriterChild.run("report", w, pdf, JobContext.quiet());
        }
        byte[] audience = Files.readAllBytes(csv);
        for (KillPoint at : points(List.of(EARLY, HALF_WAY, SAVING), List.of(SAVING))) {
            boolean killed = killAt("audience", at, csv);
            assertArrayEquals(audience, Files.readAllBytes(csv), "audience " + at.name() + ": the export is whole (and the same)");
            TALLY.add(tallied("audience export", at, killed, "the export whole"));
            rerunWritesWhole("audience", csv);
        }
        for (Path report : List.of(html, pdf)) {
            String format = report.getFileName().toString().endsWith(".pdf") ? "pdf" : "html";
            for (KillPoint at : points(List.of(EARLY, HALF_WAY, SAVING, SAVING), List.of(SAVING))) {
                byte[] previous = Files.readAllBytes(report);
                boolean killed = killAt("report", at, report);
                byte[] now = Files.readAllBytes(report);
                boolean same = java.util.Arrays.equals(previous, now);
                assertWholeReport(report, format);
                TALLY.add(tallied("report " + format, at, killed, same ? "the previous report whole" : "the new report whole"));
                rerunWritesWhole("report", report);
            }
        }
    }

    private static void assertWholeReport(Path report, String format) throws Exception {
        if (format.equals("pdf")) {
            try (PDDocument doc = Loader.loadPDF(report.toFile())) {
                assertTrue(doc.getNumberOfPages() > 1, "the PDF opens with its pages");
            }
        } else {
            String page = Files.readString(report, StandardCharsets.UTF_8);
            assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</body></html>\n"), "the HTML is whole");
        }
    }

    /** The step run again writes its file whole and removes the killed writer's hidden leftover. */
    private static void rerunWritesWhole(String writer, Path file) throws Exception {
        try (Workspace w = Workspace.open(ws, false)) {
            WriterChild.run(writer, w, file, JobContext.quiet());
        }
        assertFalse(Files.exists(OutputFile.partOf(file)), writer + ": no leftover after the step ran again");
        noLeftovers(writer);
    }

    /** No folder or file of the workspace is a half-written {@code .part} or a replaced {@code .old}. */
    private static void noLeftovers(String trial) throws Exception {
        try (Stream<Path> walk = Files.walk(ws)) {
            List<Path> left = walk.filter(p -> p.getFileName().toString().endsWith(".part") || p.getFileName().toString().endsWith(".old"))
                    .toList();
            assertEquals(List.of(), left, trial + ": nothing half-written is left in the workspace");
        }
    }

    private static String tallied(String writer, KillPoint at, boolean killed, String found) {
        String line = String.format("%-20s %-9s %-28s then %s; ran again", writer, at.name(), killed ? "killed" : "finished before the kill",
                found);
        System.out.println("killed writer: " + line);
        return line;
    }

    /**
     * Starts the writer in a child JVM and kills it (SIGKILL) a seeded 0–40 ms after its first line that the point
     * matches; returns whether it was still running then (false: it finished first).
     */
    /** The longest a child may run before it is killed as hung (the test then fails, naming it). */
    private static final int CHILD_LIMIT_SECONDS = 180;

    private static boolean killAt(String writer, KillPoint at, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-da:org.h2...", "-cp", System.getProperty("java.class.path"),
                WriterChild.class.getName(), writer, ws.toString()));
        if (out != null) {
            command.add(out.toString());
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    System.out.println(writer + " ran past " + CHILD_LIMIT_SECONDS + " s: killed");
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        boolean killed = false;
        for (String line; (line = r.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.equals("done")) {
                break;
            }
            if (at.line().test(line)) {
                Thread.sleep(JITTER.nextInt(41));
                killed = child.isAlive();
                child.destroyForcibly();
                break;
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), writer + " ended");
        if (!killed && !seen.toString().contains("done")) {
            throw new AssertionError(writer + " failed on its own:\n" + seen);
        }
        return killed;
    }
}
