package io.igw.engine.titles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.bench.TitleEffectsBenchmark;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.generate.TitleTruth;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The click model, learned from generated behaviour, against the planted title effects it never saw. */
class ClickModelTest {
    @TempDir
    static Path tmp;

    private static ClickModel model;
    private static Listings listings;
    private static TitleTruth truth;

    @BeforeAll
    static void learn() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(3000, 7)).run(JobContext.quiet());
        truth = TitleTruth.read(data);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")),
                    "")).run(JobContext.quiet());
            listings = Listings.load(ws, ActivityLog.load(ws));
            model = ClickModel.fit(listings, null);
        }
    }

    @Test
    void theAttributesOfEachItemAreImportedBesideItsTitle() {
        Listing first = listings.get(1);
        assertTrue(first.attributes().size() >= 2, "two adjectives at least: " + first.attributes());
        assertTrue(listings.lexicon().contains("waterproof") && listings.lexicon().contains("防水"));
    }

    @Test
    void learnedWordEffectsRankLikeThePlantedOnes() {
        List<double[]> pairs = new ArrayList<>();
        truth.effects().forEach((leaf, words) -> words.forEach((word, effect) -> {
            ClickModel.WordEffect learned = model.effect(leaf, word);
            if (learned != null) {
                pairs.add(new double[]{effect, learned.effect()});
            }
        }));
        assertTrue(pairs.size() > 400, "most planted words are seen: " + pairs.size());
        double rho = TitleEffectsBenchmark.spearman(pairs);
        assertTrue(rho > 0.75, "Spearman " + rho);
    }

    @Test
    void predictedConversionIsCalibratedOnHeldOutItems() {
        ClickModel.Calibration c = model.calibration();
        assertNotNull(c);
        assertTrue(c.expectedCalibrationError() < 0.02, "ECE " + c.expectedCalibrationError());
        assertEquals(1.0, c.observedOverPredicted(), 0.1);
    }

    @Test
    void aTitleWithAPlantedAppealingWordIsPredictedToConvertBetter() {
        // the strongest planted positive word of a leaf, added to an item of that leaf which lacks it
        Map.Entry<Long, Map<String, Double>> leaf = truth.effects().entrySet().iterator().next();
        String best = leaf.getValue().entrySet().stream().filter(e -> !TitleWords.hasHan(e.getKey()))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Listing item = listings.all().stream().filter(l -> l.category() == leaf.getKey() && !TitleWords.hasHan(l.title())
                && !l.title().contains(best)).findFirst().orElseThrow();
        String better = item.brand() + " " + best + item.title().substring(item.brand().length());
        assertTrue(model.conversion(item, better) > model.conversion(item, item.title()), better);
        assertTrue(truth.conversion(leaf.getKey(), better) > truth.conversion(leaf.getKey(), item.title()));
    }
}
