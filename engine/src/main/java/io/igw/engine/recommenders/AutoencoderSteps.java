package io.igw.engine.recommenders;

import io.igw.engine.linalg.Blas;
import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The autoencoder's training step written out on float arrays: the math of DL4J's {@code fit} for this network
 * (input dropout, tanh bottleneck, softmax over the items, multinomial cross-entropy, L2 on the weights, Adam) with
 * three dense products in OpenBLAS and the sparse input side as plain loops over each user's items. DL4J's own
 * {@code fit} spent six times as long on the same batch (decision 0012): eight products where five are needed (the
 * output layer's forward ran twice and the input's gradient, never used, was computed), four full copies of the
 * parameters, and a few hundred microseconds of overhead on each of some forty ops.
 *
 * <p>The weights start as the network's and go back into it at the end of each epoch, before it is validated.
 */
final class AutoencoderSteps implements EarlyStopping.BatchStep {
    private final Interactions data;
    private final int items;
    private final int width;
    private final float keep;
    private final float l2;
    private final Random random;
    private final AdamSteps adam;
    /** Encoder weights, row i the item i's {@code width} weights; its bias; decoder weights ({@code width × items}), its bias. */
    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] gw1;
    private final float[] gb1;
    private final float[] gw2;
    private final float[] gb2;
    private final float[] hidden;
    private final float[] hiddenGradient;
    private final float[] logits;
    private final int[] kept;
    private final MultiLayerNetwork network;

    AutoencoderSteps(Interactions data, MultiLayerNetwork network, Autoencoder.Settings settings, long seed) {
        this.data = data;
        this.network = network;
        this.items = data.items();
        this.width = settings.bottleneck();
        this.keep = (float) settings.keep();
        this.l2 = (float) settings.l2();
        this.random = new Random(seed ^ 0xd20bL);
        this.adam = new AdamSteps(settings.learningRate(), 1, AdamSteps.BETA2);
        w1 = param(network.getLayer(0), "W");
        b1 = param(network.getLayer(0), "b");
        w2 = param(network.getLayer(1), "W");
        b2 = param(network.getLayer(1), "b");
        gw1 = new float[w1.length];
        gb1 = new float[b1.length];
        gw2 = new float[w2.length];
        gb2 = new float[b2.length];
        int batch = settings.batch();
        hidden = new float[batch * width];
        hiddenGradient = new float[batch * width];
        logits = new float[batch * items];
        kept = new int[data.size()];
    }

    private static float[] param(Layer layer, String name) {
        return layer.getParam(name).dup('c').data().asFloat();
    }

    /** Writes the current weights into the network, which scores, stores and keeps them. */
    private void copyInto(MultiLayerNetwork network) {
        put(network.getLayer(0), "W", w1, items, width);
        put(network.getLayer(0), "b", b1, 1, width);
        put(network.getLayer(1), "W", w2, width, items);
        put(network.getLayer(1), "b", b2, 1, items);
    }

    private static void put(Layer layer, String name, float[] values, int rows, int columns) {
        layer.setParam(name, Nd4j.create(values, new long[]{rows, columns}, 'c'));
    }

    @Override
    public void endOfEpoch() {
        copyInto(network);
    }

    @Override
    public double learn(int[] order, int from, int to) {
        double loss = gradients(order, from, to);
        adam.next();
        adam.update("w1", w1, gw1, l2);
        adam.update("b1", b1, gb1, 0);
        adam.update("w2", w2, gw2, l2);
        adam.update("b2", b2, gb2, 0);
        return loss;
    }

    /** The batch's loss; its gradients (before L2) are left in {@link #gradient}'s arrays. */
    double gradients(int[] order, int from, int to) {
        int n = to - from;
        int[] keptStart = encode(order, from, n);
        double loss = decode(order, from, n);
        // decoder gradients: gw2 = hᵀ g, gb2 = column sums of g; then back into the bottleneck: dh = g w2ᵀ ⊙ (1 - h²)
        Blas.gemm(true, false, width, items, n, 1f, hidden, logits, 0f, gw2);
        columnSums(logits, n, items, gb2);
        Blas.gemm(false, true, n, width, items, 1f, logits, w2, 0f, hiddenGradient);
        for (int k = 0; k < n * width; k++) {
            float h = hidden[k];
            hiddenGradient[k] *= 1 - h * h;
        }
        columnSums(hiddenGradient, n, width, gb1);
        // encoder gradient: only the rows of the items that went in (after dropout) are non-zero
        Arrays.fill(gw1, 0);
        for (int b = 0; b < n; b++) {
            int u = order[from + b];
            float value = inputValue(u);
            for (int k = keptStart[b]; k < keptStart[b + 1]; k++) {
                int row = kept[k] * width;
                for (int j = 0; j < width; j++) {
                    gw1[row + j] += value * hiddenGradient[b * width + j];
                }
            }
        }
        return loss;
    }

    /** The last batch's gradient of the encoder's or decoder's weights or bias: "0_W", "0_b", "1_W", "1_b" (DL4J's names). */
    float[] gradient(String name) {
        return switch (name) {
            case "0_W" -> gw1;
            case "0_b" -> gb1;
            case "1_W" -> gw2;
            case "1_b" -> gb2;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A kept input's value: the row scaled to unit length, then by 1 / keep (inverted dropout). */
    private float inputValue(int u) {
        int length = data.rowLength(u);
        return length == 0 ? 0 : (float) (1 / Math.sqrt(length) / keep);
    }

    /**
     * The bottleneck, {@code tanh(x w1 + b1)}, for the batch's users, each input kept with probability {@code keep};
     * returns where each user's kept items start in {@link #kept}.
     */
    private int[] encode(int[] order, int from, int n) {
        int[] keptStart = new int[n + 1];
        int at = 0;
        for (int b = 0; b < n; b++) {
            int u = order[from + b];
            float value = inputValue(u);
            int h = b * width;
            System.arraycopy(b1, 0, hidden, h, width);
            keptStart[b] = at;
            for (int k = data.start[u]; k < data.start[u + 1]; k++) {
                if (random.nextFloat() >= keep) {
                    continue;
                }
                int item = data.items[k];
                kept[at++] = item;
                int row = item * width;
                for (int j = 0; j < width; j++) {
                    hidden[h + j] += value * w1[row + j];
                }
            }
            for (int j = 0; j < width; j++) {
                hidden[h + j] = (float) Math.tanh(hidden[h + j]);
            }
        }
        keptStart[n] = at;
        return keptStart;
    }

    /**
     * The softmax over the items, its mean cross-entropy against each user's items (the row scaled to sum 1), and,
     * left in {@link #logits}, its gradient with respect to the logits: (softmax · mass − target) / n.
     */
    private double decode(int[] order, int from, int n) {
        Blas.gemm(false, false, n, items, width, 1f, hidden, w2, 0f, logits);
        double loss = 0;
        for (int b = 0; b < n; b++) {
            int u = order[from + b];
            int row = b * items;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < items; i++) {
                float z = logits[row + i] + b2[i];
                logits[row + i] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int i = 0; i < items; i++) {
                float e = (float) Math.exp(logits[row + i] - max);
                logits[row + i] = e;
                sum += e;
            }
            int length = data.rowLength(u);
            float scale = length == 0 ? 0 : (float) (1 / sum / n);
            for (int i = 0; i < items; i++) {
                logits[row + i] *= scale;
            }
            if (length > 0) {
                float share = 1f / length;
                for (int k = data.start[u]; k < data.start[u + 1]; k++) {
                    int item = data.items[k];
                    // log p = z - log Σ exp z, with z recovered from the stored probability
                    double logP = Math.log(Math.max(logits[row + item] * n, Float.MIN_NORMAL));
                    loss -= share * logP;
                    logits[row + item] -= share / n;
                }
            }
        }
        return loss / n;
    }

    private static void columnSums(float[] matrix, int rows, int columns, float[] out) {
        Arrays.fill(out, 0);
        for (int r = 0; r < rows; r++) {
            int at = r * columns;
            for (int c = 0; c < columns; c++) {
                out[c] += matrix[at + c];
            }
        }
    }
}
