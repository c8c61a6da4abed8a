package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The written-out training step computes what DL4J's own backpropagation computes for the same network and batch. */
class AutoencoderStepsTest {
    private static final int ITEMS = 30;

    @Test
    void theStepsGradientsAreDl4jsForTheSameBatch() {
        Random random = new Random(3);
        int[][] rows = new int[12][];
        for (int u = 0; u < rows.length; u++) {
            rows[u] = random.ints(0, ITEMS).distinct().limit(u == 5 ? 0 : 1 + random.nextInt(8)).sorted().toArray();
        }
        Interactions data = Interactions.ofRows(ITEMS, rows);
        // no dropout and no L2, so that both sides see the same, deterministic loss
        Autoencoder.Settings settings = new Autoencoder.Settings(7, 1.0, 1e-3, 0, 12, 1, 1);
        MultiLayerNetwork network = new MultiLayerNetwork(Autoencoder.configuration(settings, ITEMS, 1));
        network.init();
        int[] order = {4, 0, 7, 11, 2, 9};
        AutoencoderSteps steps = new AutoencoderSteps(data, network, settings, 1);
        double loss = steps.gradients(order, 0, order.length);

        float[] input = new float[order.length * ITEMS];
        float[] target = new float[order.length * ITEMS];
        for (int b = 0; b < order.length; b++) {
            for (int i : rows[order[b]]) {
                input[b * ITEMS + i] = (float) (1 / Math.sqrt(rows[order[b]].length));
                target[b * ITEMS + i] = 1f / rows[order[b]].length;
            }
        }
        network.setInput(Nd4j.create(input, new long[]{order.length, ITEMS}, 'c'));
        network.setLabels(Nd4j.create(target, new long[]{order.length, ITEMS}, 'c'));
        network.computeGradientAndScore();
        Gradient expected = network.gradient();

        assertEquals(network.score(), loss, 1e-5, "the mean cross-entropy");
        for (String name : new String[]{"0_W", "0_b", "1_W", "1_b"}) {
            // DL4J sums over the batch here and divides by its size in the updater
            float[] theirs = expected.getGradientFor(name).div(order.length).dup('c').data().asFloat();
            float[] ours = steps.gradient(name);
            assertTrue(maxAbs(theirs) > 1e-4, name + " is not trivially zero");
            assertArrayEquals(theirs, ours, 1e-5f, name);
        }
    }

    /**
     * A user with nothing to learn from adds nothing: the loss −Σ t·log p is zero when t is. (DL4J's loss function
     * takes the gradient as p − t, which assumes t sums to one, and so pushes such a user's every item down.)
     */
    @Test
    void aUserWithNoItemsAddsNoGradient() {
        Interactions data = Interactions.ofRows(ITEMS, new int[][]{{1, 2}, {}});
        Autoencoder.Settings settings = new Autoencoder.Settings(5, 1.0, 1e-3, 0, 4, 1, 1);
        MultiLayerNetwork network = new MultiLayerNetwork(Autoencoder.configuration(settings, ITEMS, 1));
        network.init();
        AutoencoderSteps steps = new AutoencoderSteps(data, network, settings, 1);
        assertEquals(0, steps.gradients(new int[]{1}, 0, 1));
        for (String name : new String[]{"0_W", "0_b", "1_W", "1_b"}) {
            assertEquals(0, maxAbs(steps.gradient(name)), name);
        }
    }

    private static float maxAbs(float[] a) {
        float m = 0;
        for (float x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
