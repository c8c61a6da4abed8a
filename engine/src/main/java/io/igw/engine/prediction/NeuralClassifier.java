package io.igw.engine.prediction;

import io.igw.engine.task.JobContext;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The deep model behind a prediction: a DL4J multilayer perceptron (two ReLU layers with dropout, a sigmoid
 * output, cross-entropy loss, Adam with L2) over standardised behaviour features. A random 15% of the training users
 * is kept aside; training stops when their AUC has not improved for {@value #PATIENCE} epochs, and the best epoch's
 * weights are kept.
 */
final class NeuralClassifier {
    static final int MAX_EPOCHS = 80;
    static final int PATIENCE = 15;
    private static final int BATCH = 128;

    private final long seed;
    private MultiLayerNetwork network;
    private Standardiser scale;
    private int epochs;

    NeuralClassifier(long seed) {
        this.seed = seed;
    }

    int epochs() {
        return epochs;
    }

    void fit(float[][] x, boolean[] y, JobContext context) {
        scale = Standardiser.of(x);
        Random random = new Random(seed);
        int n = x.length;
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        shuffle(order, random);
        int held = Math.max(1, n * 15 / 100);
        int[] validation = java.util.Arrays.copyOfRange(order, 0, held);
        int[] train = java.util.Arrays.copyOfRange(order, held, n);
        float[][] vx = new float[held][];
        boolean[] vy = new boolean[held];
        for (int k = 0; k < held; k++) {
            vx[k] = x[validation[k]];
            vy[k] = y[validation[k]];
        }
        int d = x[0].length;
        network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .l2(1e-3)
                .list()
                .layer(new DenseLayer.Builder().nIn(d).nOut(32).activation(Activation.RELU).dropOut(0.9).build())
                .layer(new DenseLayer.Builder().nIn(32).nOut(16).activation(Activation.RELU).dropOut(0.9).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(16).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .build());
        network.init();
        INDArray best = network.params().dup();
        double bestAuc = Double.NEGATIVE_INFINITY;
        int sinceBest = 0;
        for (epochs = 1; epochs <= MAX_EPOCHS && sinceBest < PATIENCE; epochs++) {
            context.checkCancelled();
            shuffle(train, random);
            for (int from = 0; from < train.length; from += BATCH) {
                network.fit(batch(x, y, train, from, Math.min(train.length, from + BATCH)));
            }
            double auc = ClassifierMetrics.of(predict(vx), vy).auc();
            if (auc > bestAuc + 1e-4 || Double.isNaN(bestAuc)) {
                bestAuc = auc;
                best.assign(network.params());
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            context.progress(0.3 + 0.5 * epochs / MAX_EPOCHS, String.format(java.util.Locale.ROOT,
                    "epoch %d: validation AUC %.3f", epochs, auc));
        }
        epochs--;
        network.setParams(best);
    }

    float[] predict(float[][] x) {
        if (x.length == 0) {
            return new float[0];
        }
        float[] flat = new float[x.length * x[0].length];
        for (int k = 0; k < x.length; k++) {
            System.arraycopy(scale.apply(x[k]), 0, flat, k * x[0].length, x[0].length);
        }
        return network.output(Nd4j.create(flat, new long[]{x.length, x[0].length}, 'c'), false).toFloatVector();
    }

    private DataSet batch(float[][] x, boolean[] y, int[] rows, int from, int to) {
        int d = x[0].length;
        float[] in = new float[(to - from) * d];
        float[] out = new float[to - from];
        for (int k = from; k < to; k++) {
            System.arraycopy(scale.apply(x[rows[k]]), 0, in, (k - from) * d, d);
            out[k - from] = y[rows[k]] ? 1 : 0;
        }
        return new DataSet(Nd4j.create(in, new long[]{to - from, d}, 'c'), Nd4j.create(out, new long[]{to - from, 1}, 'c'));
    }

    private static void shuffle(int[] a, Random random) {
        for (int k = a.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
    }
}
