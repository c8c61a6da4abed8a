package io.igw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.distributed.ImplicitFactors;
import io.igw.engine.recommenders.Als;
import io.igw.engine.recommenders.Evaluation;
import io.igw.engine.recommenders.Interactions;
import io.igw.engine.recommenders.ModelCatalog;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.recommenders.Recommendations;
import io.igw.engine.recommenders.Split;
import io.igw.engine.recommenders.StoredModel;
import io.igw.engine.recommenders.Training;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The als recommender: MLlib trains it, the registry keeps it, the evaluation protocol ranks it (issue 16). */
class SparkAlsTest {
    private static final JobContext QUIET = JobContext.quiet();

    @TempDir
    Path tmp;

    @Test
    void alsTrainsRecommendsAndBeatsPopularity() throws Exception {
        try (Workspace ws = GeneratedShop.open(tmp, 600, 4)) {
            assertTrue(ModelCatalog.names().contains("als"), "with Spark on the class path als can be trained");

            // the model folds a user in with MLlib's own last solve: its factors are MLlib's user factors
            Interactions all = Interactions.toLearnFrom(ws);
            Als.Settings settings = new Als.Settings(8, 6, 0.05, 10);
            Als model = (Als) new Als.Trainer(settings).train(all, Training.quiet(3));
            int[][] rows = new int[all.users()][];
            for (int u = 0; u < rows.length; u++) {
                rows[u] = all.row(u);
            }
            ImplicitFactors mllib = DistributedEngine.require().factorise(rows, all.items(), 8, 6, 0.05, 10, 3, "local[*]", QUIET);
            double worst = 1;
            for (int u = 0; u < all.users(); u += 13) {
                double[] folded = model.userFactors(rows[u]);
                worst = Math.min(worst, cosine(folded, mllib.users(), u * 8, 8));
            }
            assertTrue(worst > 0.999, "folded-in factors point where MLlib's do (worst cosine " + worst + ")");

            ModelTraining.Result trained = new ModelTraining(ws, "als", 1, 0, e -> {
            }).run(QUIET);
            StoredModel stored = StoredModel.load(ws, trained.modelId(), null);
            assertEquals("als", stored.meta().model());
            List<Recommendations.Recommended> top = new Recommendations(ws).forUser(stored, stored.interactions().userId(2), 5);
            assertEquals(5, top.size());
            assertTrue(top.stream().allMatch(x -> Double.isFinite(x.score())));

            Evaluation.Report report = new Evaluation(ws, List.of("pop", "als"), Split.Kind.RANDOM, 0.8, 20, List.of(1L)).run(QUIET);
            double pop = report.results().get(0).mean().get("ndcg@20");
            double als = report.results().get(1).mean().get("ndcg@20");
            System.out.printf("ndcg@20: pop %.4f, als %.4f; fold-in cosine to MLlib's users at worst %.6f%n", pop, als, worst);
            assertTrue(als > pop, "als " + als + " beats popularity " + pop);
        }
    }

    private static double cosine(double[] a, float[] b, int offset, int n) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < n; k++) {
            ab += a[k] * b[offset + k];
            aa += a[k] * a[k];
            bb += (double) b[offset + k] * b[offset + k];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
