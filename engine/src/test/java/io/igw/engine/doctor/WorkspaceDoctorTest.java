package io.igw.engine.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.prediction.BehaviourPrediction;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.engine.recommenders.ModelRegistry;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.recommenders.StoredModel;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.columns.DamagedFile;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.events.EventColumns;
import io.igw.storage.graph.GraphStore;
import io.igw.storage.models.ModelStore;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor finds damage in every kind of file a workspace keeps beside H2, marks it unusable so the workspace goes
 * on working with what came before, and repairs it from H2: the graph rebuilt, the model retrained, the prediction
 * and the event snapshot made again.
 */
class WorkspaceDoctorTest {
    @TempDir
    Path tmp;

    private static void flipByte(Path file, long at) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x10);
        }
    }

    private static void truncate(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
    }

    private static Path largestFile(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("CHECKSUMS"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
    }

    @Test
    void damageIsFoundMarkedUnusableAndRepairedFromTheDatabase() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(400, 3)).run(JobContext.quiet());
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")), ""))
                    .run(JobContext.quiet());
            int first = InterestGraphBuilder.full(ws, GraphParameters.defaults()).run(JobContext.quiet()).buildId();
            GraphParameters halfLife = GraphParameters.parse("half_life_days=10");
            int second = InterestGraphBuilder.full(ws, halfLife).run(JobContext.quiet()).buildId();
            int model = new ModelTraining(ws, "itemknn", 5, 0, e -> { }).run(JobContext.quiet()).modelId();
            SavedPredictions.save(ws, new BehaviourPrediction(ws, Outcome.CHURN, 7, 1).run(JobContext.quiet()));
            WorkspaceDoctor.Report healthy = new WorkspaceDoctor(ws, false).run(JobContext.quiet());
            assertTrue(healthy.healthy(), healthy.damaged().toString());
            assertEquals(2, healthy.graphBuilds());
            assertEquals(1, healthy.models());
            assertEquals(1, healthy.predictions());
            assertEquals(1, healthy.eventSnapshots());
            assertEquals(0, healthy.withoutChecksums());
            assertTrue(healthy.files() > 20 && healthy.bytes() > 100_000, healthy.files() + " files, " + healthy.bytes() + " bytes");

            GraphStore graphs = new GraphStore(ws);
            Path graphFile = graphs.columnsPath(second).resolve(io.igw.engine.graph.GraphColumns.EDGE_SCORE + ".f32"); // read on opening
            flipByte(graphFile, Files.size(graphFile) / 3);
            Path modelFile = largestFile(new ModelStore(ws).folderOf(model));
            truncate(modelFile);
            Path predictionFile = largestFile(SavedPredictions.folder(ws, Outcome.CHURN));
            flipByte(predictionFile, 5);
            EventColumns events = new EventColumns(ws);
            int eventSet = new io.igw.storage.datasets.DatasetStore(ws).completeIds(DatasetKind.EVENTS).get(0);
            Path eventFile = events.folder(eventSet).resolve("user.i64");
            flipByte(eventFile, Files.size(eventFile) - 3);

            // used before the doctor runs: one clear sentence naming the file
            UncheckedIOException read = assertThrows(UncheckedIOException.class, () -> InterestGraph.latest(ws).orElseThrow()
                    .interests(1L, GraphKind.CATEGORY));
            assertEquals(graphFile, DamagedFile.in(read).file());

            WorkspaceDoctor.Report found = new WorkspaceDoctor(ws, false).run(JobContext.quiet());
            assertFalse(found.healthy());
            assertEquals(List.of("event snapshot dataset " + eventSet + " " + eventFile.getFileName(), "graph build " + second + " " + graphFile.getFileName(),
                    "model " + model + " (itemknn) " + modelFile.getFileName(), "prediction churn " + predictionFile.getFileName()),
                    found.damaged().stream().map(f -> f.kind() + " " + f.id() + " " + f.file().getFileName()).toList());
            assertTrue(found.damaged().get(2).problem().startsWith("it is truncated ("), found.damaged().get(2).problem());
            assertEquals(first, InterestGraph.latest(ws).orElseThrow().build().id(), "the build before the damaged one is current again");
            assertTrue(new ModelRegistry(ws).list().isEmpty(), "the damaged model is not offered");
            assertTrue(SavedPredictions.latest(ws, Outcome.CHURN).isEmpty(), "nor the damaged prediction");
            assertTrue(events.read(eventSet).size() > 1000, "a removed snapshot is read again from H2 when next needed");

            WorkspaceDoctor.Report again = new WorkspaceDoctor(ws, false).run(JobContext.quiet());
            assertEquals(List.of("graph build", "model"), again.damaged().stream().map(WorkspaceDoctor.Finding::kind).toList(),
                    "what was marked unusable stays reported until it is repaired");

            WorkspaceDoctor.Report repaired = new WorkspaceDoctor(ws, true).run(JobContext.quiet());
            assertEquals(2, repaired.repaired().size(), repaired.repaired().toString());
            assertTrue(repaired.repaired().get(0).startsWith("graph build " + second + " was rebuilt from the database with its parameters as build "),
                    repaired.repaired().get(0));
            InterestGraph rebuilt = InterestGraph.latest(ws).orElseThrow();
            assertNotEquals(second, rebuilt.build().id());
            assertEquals(10.0, rebuilt.build().halfLifeDays(), "with the damaged build's parameters");
            assertFalse(rebuilt.interests(rebuilt.users()[0], GraphKind.CATEGORY).isEmpty());
            StoredModel retrained = StoredModel.load(ws, null, "itemknn");
            assertEquals(5, retrained.meta().provenance().seed());
            assertTrue(new WorkspaceDoctor(ws, false).run(JobContext.quiet()).healthy());
        }
    }
}
