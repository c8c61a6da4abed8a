package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items no one has touched: the cold-items split hides them, popularity cannot find them, the semantic and hybrid
 * models (reading titles with the real text model) can; a stored hybrid scores the whole catalogue.
 */
class ColdStartTest {
    @TempDir
    static Path tmp;
    static Workspace ws;

    @BeforeAll
    static void importGenerated() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(150, 5)).run(JobContext.quiet());
        ws = Workspace.open(tmp.resolve("ws"), true);
        new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")),
                "")).run(JobContext.quiet());
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void theColdItemsSplitHidesItemsWithEveryInteraction() {
        Interactions all = Interactions.of(ws);
        Split split = Split.of(all, Split.Kind.COLD_ITEMS, 0.9, 3);
        Set<Integer> cold = new HashSet<>();
        for (int[] row : split.test()) {
            for (int i : row) {
                cold.add(i);
            }
        }
        int[] counts = split.train().itemCounts();
        assertFalse(cold.isEmpty());
        for (int i : cold) {
            assertEquals(0, counts[i], "a held-out item is in no one's training row");
        }
        int trainPairs = split.train().size();
        int testPairs = 0;
        int skipped = 0;
        for (int u = 0; u < all.users(); u++) {
            testPairs += split.test()[u].length;
            if (split.train().row(u).length == 0) {
                skipped += (int) java.util.Arrays.stream(all.row(u)).count();
            }
        }
        assertEquals(all.size(), trainPairs + testPairs + skipped, "every pair is trained on or tested, none lost");
        assertEquals(all.items(), split.train().items(), "the held-out items stay in what is ranked");
    }

    @Test
    void onlyModelsThatReadTitlesRecommendColdItems() throws Exception {
        Interactions all = Interactions.of(ws);
        Split split = Split.of(all, Split.Kind.COLD_ITEMS, 0.9, 1);
        Recommender pop = new Popularity.Trainer().train(split.train(), Training.quiet(1));
        Recommender semantic = ModelCatalog.trainer("semantic", ws).train(split.train(), Training.quiet(1));
        Recommender hybrid = ModelCatalog.trainer("hybrid", ws).train(split.train(), Training.quiet(1));
        double popRecall = Ranking.measure(pop, split.train(), split.test(), 20, null).get("recall@20");
        double semanticRecall = Ranking.measure(semantic, split.train(), split.test(), 20, null).get("recall@20");
        double hybridRecall = Ranking.measure(hybrid, split.train(), split.test(), 20, null).get("recall@20");
        System.out.printf("cold items: recall@20 pop %.4f, semantic %.4f, hybrid %.4f%n", popRecall, semanticRecall, hybridRecall);
        assertEquals(0, popRecall, 1e-9, "popularity cannot rank what no one has touched above what someone has");
        assertTrue(semanticRecall > 0.02, "semantic " + semanticRecall);
        assertTrue(hybridRecall > 0.02, "hybrid " + hybridRecall);
        assertEquals("ease", ((Hybrid) hybrid).collaborativeKind(), "a small catalogue fits EASE");
    }

    @Test
    void aStoredHybridScoresTheWholeCatalogueAndReadsBackTheSame() throws Exception {
        ModelTraining.Result trained = new ModelTraining(ws, "hybrid", 1, 0, e -> {
        }).run(JobContext.quiet());
        StoredModel stored = StoredModel.load(ws, trained.modelId(), null);
        int catalogue = CatalogLookup.load(ws).items().size();
        int touched = Interactions.of(ws).items();
        assertTrue(catalogue > touched, "the generator leaves some items untouched: " + catalogue + " vs " + touched);
        assertEquals(catalogue, stored.recommender().items());
        assertEquals(catalogue, stored.interactions().items());

        Session session = stored.interactions().session(0);
        float[] before = new float[catalogue];
        stored.recommender().score(session, before);
        float[] after = new float[catalogue];
        StoredModel.load(ws, trained.modelId(), null).recommender().score(session, after);
        assertArrayEquals(before, after, 1e-5f, "what is stored is what was trained");
        int untouched = touched; // the first index past the touched items
        assertTrue(before[untouched] != 0, "an untouched item gets a score");

        List<List<Reason>> reasons = stored.recommender().because(session.distinctItems(), new int[]{untouched, 0}, 3);
        assertEquals(2, reasons.size());
        assertFalse(reasons.get(0).isEmpty(), "a new item is explained by the user's items whose titles are alike");
    }
}
