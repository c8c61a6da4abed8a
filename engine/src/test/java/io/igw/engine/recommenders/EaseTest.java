package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EaseTest {
    @Test
    void theSymmetricInverseInvertsAndIsFast() {
        Random random = new Random(3);
        int n = 600;
        INDArray a = Nd4j.zeros(DataType.DOUBLE, n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 40; j++) {
                a.putScalar(i, random.nextInt(n), 1.0);
            }
        }
        INDArray g = a.transpose().mmul(a).addi(Nd4j.eye(n).castTo(DataType.DOUBLE).muli(5));
        long t0 = System.nanoTime();
        INDArray inverse = Ease.inverseOfSymmetric(g);
        double seconds = (System.nanoTime() - t0) / 1e9;
        INDArray identity = g.mmul(inverse);
        for (int i = 0; i < n; i += 37) {
            for (int j = 0; j < n; j += 41) {
                assertEquals(i == j ? 1.0 : 0.0, identity.getDouble(i, j), 1e-8, "(G G^-1)[" + i + "," + j + "]");
            }
        }
        assertTrue(seconds < 30, "inverse of " + n + " took " + seconds + " s");
    }

    @Test
    void itemsBoughtTogetherRecommendEachOther() throws Exception {
        // users 0-2 have items {0,1}; user 3 has only item 0: item 1 should come first for user 3
        Interactions x = Interactions.ofRows(4, new int[][]{{0, 1}, {0, 1}, {0, 1, 2}, {0}, {2, 3}, {3}});
        Recommender ease = new Ease.Trainer(new Ease.Settings(1.0)).train(x, Training.quiet(1));
        float[] scores = new float[4];
        ease.score(new int[]{0}, scores);
        scores[0] = Float.NEGATIVE_INFINITY;
        assertEquals(1, Metrics.topK(scores, 1)[0]);
    }
}
