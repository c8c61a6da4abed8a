package io.igw.engine.titles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.bench.TitleEffectsBenchmark;
import io.igw.engine.generate.TitleTruth;
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
        listings = GeneratedShop.listings(tmp, 3000, 7);
        truth = TitleTruth.read(tmp.resolve("data"));
        model = ClickModel.fit(listings, null);
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
