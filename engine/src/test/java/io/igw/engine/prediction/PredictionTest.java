package io.igw.engine.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Churn and purchase prediction on generated shoppers, some of whom were planted to stop coming. */
class PredictionTest {
    @TempDir
    static Path tmp;
    private static final Map<Long, Boolean> plantedChurn = new HashMap<>();

    @BeforeAll
    static void generate() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(5000, 7)).run(JobContext.quiet());
        List<String> truth = Files.readAllLines(data.resolve("truth.csv"));
        for (String line : truth.subList(1, truth.size())) {
            String[] f = line.split(",");
            plantedChurn.put(Long.parseLong(f[0]), f[2].equals("1"));
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")),
                    "")).run(JobContext.quiet());
        }
    }

    @Test
    void churnIsFoundAmongThePlantedChurnersAndBeatsItsBaseline() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), false)) {
            PredictionResult r = new BehaviourPrediction(ws, Outcome.CHURN, 7, 1).run(JobContext.quiet());
            float[] scores = r.scores();
            boolean[] planted = new boolean[scores.length];
            for (int k = 0; k < scores.length; k++) {
                planted[k] = plantedChurn.get(r.userIds()[k]);
            }
            double plantedAuc = ClassifierMetrics.of(scores, planted).auc();
            System.out.printf("churn 7 days: test AUC %.3f (baseline %.3f), PR-AUC %.3f, top-decile lift %.2f, %d epochs; "
                            + "AUC against the planted churn %.3f over %d users%n", r.model().auc(), r.baseline().auc(),
                    r.model().prAuc(), r.model().liftTopDecile(), r.epochs(), plantedAuc, scores.length);
            assertTrue(plantedAuc >= 0.80, "AUC against planted churn " + plantedAuc);
            assertTrue(plantedAuc > ClassifierMetrics.of(r.baselineScores(), planted).auc() - 0.01, "no worse than the baseline on the planted churn");
            assertTrue(r.model().auc() > r.baseline().auc(), r.model().auc() + " vs baseline " + r.baseline().auc());
            assertEquals(10, r.model().deciles().size());
            assertEquals(1.0, r.model().deciles().get(9).cumulativeGain(), 1e-9);
            assertFalse(r.atRisk().isEmpty());
            assertFalse(r.atRisk().get(0).reasons().isEmpty(), "the riskiest user comes with reasons");
            System.out.println("most at risk: " + r.atRisk().get(0));
        }
    }

    @Test
    void purchaseIsPredictedBetterThanChance() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), false)) {
            PredictionResult r = new BehaviourPrediction(ws, Outcome.PURCHASE, 7, 1).run(JobContext.quiet());
            System.out.printf("purchase 7 days: test AUC %.3f (baseline %.3f), PR-AUC %.3f (base rate %.3f), top-decile lift %.2f%n",
                    r.model().auc(), r.baseline().auc(), r.model().prAuc(), r.model().baseRate(), r.model().liftTopDecile());
            assertTrue(r.model().auc() > 0.6, "" + r.model().auc());
            assertTrue(r.model().liftTopDecile() > 1.5, "" + r.model().liftTopDecile());
            PredictionResult perCategory = new BehaviourPrediction(ws, Outcome.PURCHASE, 7, 1, true).run(JobContext.quiet());
            System.out.printf("purchase 7 days per user × category: %,d test rows, AUC %.3f (baseline %.3f), PR-AUC %.3f, "
                            + "top-decile lift %.2f%n", perCategory.testUsers(), perCategory.model().auc(), perCategory.baseline().auc(),
                    perCategory.model().prAuc(), perCategory.model().liftTopDecile());
            assertTrue(perCategory.testUsers() > r.testUsers(), "more rows than users");
            assertTrue(perCategory.model().auc() > 0.6, "" + perCategory.model().auc());
            assertTrue(perCategory.atRisk().get(0).category().startsWith("category "), perCategory.atRisk().get(0).toString());
            IllegalArgumentException tooFar = assertThrows(IllegalArgumentException.class,
                    () -> new BehaviourPrediction(ws, Outcome.CHURN, 30, 1).run(JobContext.quiet()));
            assertTrue(tooFar instanceof io.igw.engine.errors.InvalidSetting s && s.setting().equals("horizon_days")
                    && tooFar.getMessage().contains("try a shorter horizon"), tooFar.getMessage());
        }
    }

    @Test
    void metricsMatchHandComputedValues() {
        float[] s = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f};
        boolean[] y = {true, false, true, false, false};
        ClassifierMetrics m = ClassifierMetrics.of(s, y);
        assertEquals(5.0 / 6, m.auc(), 1e-9, "5 of the 6 positive-negative pairs are ordered right");
        assertEquals((1.0 + 2.0 / 3) / 2, m.prAuc(), 1e-9);
        assertEquals(0.5, ClassifierMetrics.of(new float[]{0.5f, 0.5f}, new boolean[]{true, false}).auc(), 1e-9, "ties count half");
    }
}
