package io.igw.app.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.ui.recommend.RecommendationsViewModel;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.engine.task.JobRunner;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Models and Recommendations screens without their pixels: jobs run in place, results land at once. */
class ModelsViewModelTest {
    @TempDir
    static Path tmp;
    static Workspace workspace;
    static UiTasks tasks = new UiTasks(JobRunner.direct(), Runnable::run);

    @BeforeAll
    static void open() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(200, 9)).run(JobContext.quiet());
        workspace = Workspace.open(tmp.resolve("ws"), true);
        new WorkspaceImport(workspace, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")),
                "")).run(JobContext.quiet());
        InterestGraphBuilder.full(workspace, GraphParameters.defaults()).run(JobContext.quiet());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void trainingFillsTheCurveTheComparisonAndTheRegistry() {
        ModelsViewModel model = new ModelsViewModel(workspace, tasks);
        model.model.set("autoencoder");
        model.epochs.set(3);
        model.train();
        assertFalse(model.running.get());
        assertEquals(3, model.curve.size(), "one point per epoch");
        assertTrue(model.status.get().startsWith("autoencoder stored as model"), model.status.get());
        assertTrue(model.protocol.get().startsWith("training hold-out 10%"), model.protocol.get());
        assertTrue(model.comparison.stream().anyMatch(s -> s.model().equals("autoencoder")));
        assertTrue(model.newestPerModel().get("autoencoder").containsKey("ndcg@20"));
        assertTrue(model.registry.stream().anyMatch(m -> m.model().equals("autoencoder")));
    }

    @Test
    void theScalingCurveHasAPointPerSizeGrowingInParameters() {
        ModelsViewModel model = new ModelsViewModel(workspace, tasks);
        model.epochs.set(1);
        model.scale(List.of("small", "base")); // large needs more than the tests' 1 GB heap
        assertEquals(List.of("small", "base"), model.scaling.stream().map(p -> p.size()).toList(), model.status.get());
        assertTrue(model.scaling.get(0).parameters() < model.scaling.get(1).parameters());
        assertTrue(model.scaling.stream().allMatch(p -> p.epochs() == 1 && p.ndcg10() >= 0 && p.secondsPerEpoch() > 0));
        assertTrue(model.status.get().startsWith("small "), model.status.get());
    }

    @Test
    void evaluatingAddsAProtocolOfItsOwn() {
        ModelsViewModel model = new ModelsViewModel(workspace, tasks);
        model.model.set("pop");
        model.evaluate();
        assertTrue(model.status.get().startsWith("pop evaluated: recall@20"), model.status.get());
        assertEquals("random 80/20 · K=20 · seeds 1,2,3", model.protocol.get());
        assertEquals(List.of("pop"), model.comparison.stream().map(s -> s.model()).distinct().toList());
        assertTrue(model.protocols.size() >= 1);
    }

    @Test
    void aFailedTrainingSaysWhyAndStoresNothing() {
        Workspace empty = Workspace.open(tmp.resolve("empty"), true);
        try {
            ModelsViewModel model = new ModelsViewModel(empty, tasks);
            model.model.set("ease");
            model.train();
            assertTrue(model.status.get().contains("import a behaviour log in the Data screen first"), model.status.get());
            assertTrue(model.registry.isEmpty());
            assertNull(model.protocol.get());
        } finally {
            empty.close();
        }
    }

    @Test
    void recommendationsShowTheProfileAndBothModelsTopTen() throws Exception {
        ModelsViewModel models = new ModelsViewModel(workspace, tasks);
        models.model.set("itemknn");
        models.train();
        models.model.set("content");
        models.train();
        RecommendationsViewModel view = new RecommendationsViewModel(workspace, tasks);
        assertEquals("content", view.left.get().model(), "the newest model on the left");
        assertFalse(view.right.get().equals(view.left.get()), "a different model on the right");
        long user = io.igw.engine.recommenders.StoredModel.load(workspace, view.left.get().id(), null).interactions().userId(5);
        view.user.set(Long.toString(user));
        view.show();
        assertEquals(10, view.leftRows.size());
        assertEquals(10, view.rightRows.size());
        assertFalse(view.profile.get().isEmpty(), "the user's interests from the graph");
        assertTrue(view.leftRows.get(0).because().startsWith("your interest in"), view.leftRows.get(0).because());

        view.user.set("not a number");
        view.show();
        assertTrue(view.status.get().contains("whole number"), view.status.get());
        view.user.set("999999999");
        view.show();
        assertTrue(view.status.get().contains("is not among the"), view.status.get());
        assertTrue(view.leftRows.isEmpty());
    }
}
