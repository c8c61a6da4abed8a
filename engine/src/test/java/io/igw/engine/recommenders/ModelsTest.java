package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.CancelledException;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.models.EvaluationStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned models on generated shoppers (planted interests), and the registry that keeps them. */
class ModelsTest {
    @TempDir
    static Path tmp;
    static Path data;
    /** The same shoppers over a smaller catalogue, for the test that trains every kind (EASE is cubic in items). */
    static Path fewerItems;

    @BeforeAll
    static void generate() throws Exception {
        data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(400, 21)).run(JobContext.quiet());
        fewerItems = tmp.resolve("fewer-items");
        new SampleGenerator(fewerItems, GeneratorOptions.of(400, 21).withItems(1200)).run(JobContext.quiet());
    }

    private Workspace workspace(String name) throws Exception {
        return workspace(name, data);
    }

    private Workspace workspace(String name, Path from) throws Exception {
        Workspace ws = Workspace.open(tmp.resolve(name), true);
        new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, from.resolve("events.csv"))).run(JobContext.quiet());
        return ws;
    }

    @Test
    void theAutoencoderBeatsPopularityOnGeneratedShoppers() throws Exception {
        try (Workspace ws = workspace("ae")) {
            Split split = Split.of(Interactions.of(ws), Split.Kind.RANDOM, 0.8, 1);
            Recommender pop = new Popularity.Trainer().train(split.train(), Training.quiet(1));
            List<Training.Epoch> curve = new ArrayList<>();
            Autoencoder ae = (Autoencoder) new Autoencoder.Trainer(Autoencoder.Settings.standard())
                    .train(split.train(), new Training(JobContext.quiet(), 1, 40, curve::add));
            double popNdcg = Ranking.measure(pop, split.train(), split.test(), 20, null).get("ndcg@20");
            double aeNdcg = Ranking.measure(ae, split.train(), split.test(), 20, null).get("ndcg@20");
            System.out.printf("generated shoppers: ndcg@20 pop %.4f, autoencoder %.4f (%d epochs)%n", popNdcg, aeNdcg, curve.size());
            assertTrue(aeNdcg > popNdcg, "autoencoder " + aeNdcg + " against popularity " + popNdcg);
            assertFalse(curve.isEmpty());
            assertTrue(curve.get(curve.size() - 1).loss() < curve.get(0).loss(), "the loss should fall: " + curve);
            assertEquals(200, ae.features(split.train().row(0)).length);
            assertEquals(curve, ae.provenance().curve(), "the model carries the curve it was trained with");
        }
    }

    @Test
    void aTrainedModelIsStoredWithItsProvenanceAndLoadsAfterRestart() throws Exception {
        Path folder;
        List<Recommendations.Recommended> before;
        ModelTraining.Result result;
        try (Workspace ws = workspace("registry")) {
            folder = ws.folder();
            result = new ModelTraining(ws, "autoencoder", 5, 3, e -> {
            }).run(JobContext.quiet());
            assertEquals(3, result.curve().size());
            assertTrue(result.validation().get("ndcg@20") > 0, result.validation().toString());
            StoredModel stored = StoredModel.load(ws, null, "autoencoder");
            long user = stored.interactions().userId(0);
            before = new Recommendations(ws).forUser(stored, user, 5);
        }
        try (Workspace ws = Workspace.open(folder, false)) {
            RegisteredModel meta = new ModelRegistry(ws).find(result.modelId()).orElseThrow();
            ModelProvenance p = meta.provenance();
            assertEquals("autoencoder", meta.model());
            assertEquals(5, p.seed());
            assertEquals(Autoencoder.Settings.standard().describe(), p.settings());
            assertTrue(p.dataVersion().startsWith("datasets 1 (random 90% of each user, seed 5)"), p.dataVersion());
            assertTrue(p.libraries().get("dl4j").startsWith("1.0.0"), p.libraries().toString());
            assertTrue(p.libraries().get("nd4j_backend").startsWith("nd4j-native"), p.libraries().toString());
            assertEquals(System.getProperty("java.version"), p.libraries().get("java").split(" ")[0]);
            assertTrue(p.libraries().get("workbench").contains("SNAPSHOT") || p.libraries().get("workbench").matches("\\d.*"),
                    p.libraries().toString());
            assertEquals(3, meta.epochs());
            assertEquals(3, meta.curve().size());
            assertEquals(1, meta.curve().get(0).epoch());
            assertEquals(result.curve().get(2).loss(), meta.curve().get(2).loss(), 1e-5);
            assertTrue(meta.metrics().contains("\"ndcg@20\""), meta.metrics());
            StoredModel stored = StoredModel.load(ws, result.modelId(), null);
            long user = stored.interactions().userId(0);
            List<Recommendations.Recommended> after = new Recommendations(ws).forUser(stored, user, 5);
            assertEquals(before.stream().map(Recommendations.Recommended::itemId).toList(),
                    after.stream().map(Recommendations.Recommended::itemId).toList(), "the same model after a restart");
            assertTrue(after.stream().allMatch(r -> !r.because().isEmpty()), "every item is explained: " + after);
            float[] features = stored.userFeatures();
            assertNotNull(features, "the autoencoder's user features are written back");
            assertEquals(stored.interactions().users() * 200, features.length);
            EvaluationStore.Stored holdout = new EvaluationStore(ws).list().get(0);
            assertEquals("holdout", holdout.split());
            assertEquals("autoencoder", holdout.model());
        }
    }

    @Test
    void trainingIsReproducibleFromItsSeed() throws Exception {
        try (Workspace ws = workspace("seeded")) {
            Map<String, Double> first = new ModelTraining(ws, "autoencoder", 9, 2, e -> {
            }).run(JobContext.quiet()).validation();
            Map<String, Double> second = new ModelTraining(ws, "autoencoder", 9, 2, e -> {
            }).run(JobContext.quiet()).validation();
            assertEquals(first.get("ndcg@20"), second.get("ndcg@20"), 1e-4);
            assertEquals(first.get("recall@20"), second.get("recall@20"), 1e-4);
        }
    }

    @Test
    void cancellingTrainingStoresNothing() throws Exception {
        try (Workspace ws = workspace("cancel")) {
            boolean[] cancelled = {false};
            JobContext context = new JobContext() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            };
            assertThrows(CancelledException.class, () -> new ModelTraining(ws, "cfgan", 1, 50, e -> cancelled[0] = true).run(context));
            assertTrue(new ModelRegistry(ws).list().isEmpty());
        }
    }

    @Test
    void everyModelTrainsScoresAndExplains() throws Exception {
        try (Workspace ws = workspace("all", fewerItems)) {
            for (String name : ModelCatalog.names()) {
                long t0 = System.nanoTime();
                ModelTraining.Result r = new ModelTraining(ws, name, 1, 1, e -> {
                }).run(JobContext.quiet());
                StoredModel stored = StoredModel.load(ws, r.modelId(), null);
                List<Recommendations.Recommended> top = new Recommendations(ws).forUser(stored, stored.interactions().userId(3), 5);
                assertEquals(5, top.size(), name);
                assertTrue(top.stream().allMatch(x -> Double.isFinite(x.score())), name + ": " + top);
                System.out.printf("%s (%.1f s): holdout ndcg@20 %.4f; first item because %s%n", name,
                        (System.nanoTime() - t0) / 1e9, r.validation().get("ndcg@20"), top.get(0).because());
            }
            SimilarItems.Result similar = new SimilarItems(ws).of(new StoredModelFinder(ws).anyItem(), 5, "deepwalk");
            assertEquals(5, similar.similar().size());
            assertTrue(similar.source().startsWith("deepwalk"), similar.source());
        }
    }

    /** The first item of the newest model, to ask for its neighbours. */
    private record StoredModelFinder(Workspace ws) {
        long anyItem() {
            return StoredModel.load(ws, null, null).interactions().itemId(0);
        }
    }

    @Test
    void contentRecommendationsAreExplainedByTheUsersInterests() throws Exception {
        try (Workspace ws = workspace("content")) {
            new ModelTraining(ws, "content", 1, 0, e -> {
            }).run(JobContext.quiet());
            StoredModel stored = StoredModel.load(ws, null, "content");
            Recommendations.Recommended first = new Recommendations(ws).forUser(stored, stored.interactions().userId(0), 3).get(0);
            assertFalse(first.because().isEmpty());
            assertEquals("interest", first.because().get(0).kind());
            assertTrue(first.because().get(0).label().startsWith("category:"), first.because().toString());
        }
    }

    @Test
    void itemKnnExplainsAnItemByTheNeighbourThatBroughtIt() throws Exception {
        // items 0 and 1 go together; user 3 has only item 0
        Interactions x = Interactions.ofRows(4, new int[][]{{0, 1}, {0, 1}, {0, 1, 2}, {0}, {2, 3}, {3}});
        Recommender knn = new ItemKnn.Trainer(new ItemKnn.Settings(10, 0)).train(x, Training.quiet(1));
        List<List<Reason>> why = knn.because(new int[]{0}, new int[]{1}, 2);
        assertEquals(List.of(Reason.item(0, why.get(0).get(0).weight())), why.get(0));
    }
}
