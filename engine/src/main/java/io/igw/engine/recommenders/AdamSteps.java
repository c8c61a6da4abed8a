package io.igw.engine.recommenders;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma &amp; Ba, 2015) over named weight arrays, updated in place, with a learning rate that rises linearly
 * over the first {@code warmup} steps and then holds (the warm-up Transformers need so that early, noisy gradients do
 * not throw attention off), and optional L2 weight decay added to the gradient. The arithmetic is one pass over plain
 * float arrays: an order of magnitude faster than chaining ND4J ops per weight (decision 0012).
 */
final class AdamSteps {
    /** The Transformers' second-moment decay (Vaswani et al.); other models use Adam's own 0.999. */
    static final double TRANSFORMER_BETA2 = 0.98;
    static final double BETA2 = 0.999;
    private static final double BETA1 = 0.9;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final int warmup;
    private final double beta2;
    private final Map<String, float[][]> moments = new HashMap<>();
    private int step;
    private float rate;
    private float correction1;
    private float correction2;

    AdamSteps(double learningRate, int warmup, double beta2) {
        this.learningRate = learningRate;
        this.warmup = Math.max(1, warmup);
        this.beta2 = beta2;
    }

    /** Starts the next step: call before {@link #update} of each weight. */
    void next() {
        step++;
        rate = (float) (learningRate * Math.min(1.0, (double) step / warmup));
        correction1 = (float) (1 - Math.pow(BETA1, step));
        correction2 = (float) (1 - Math.pow(beta2, step));
    }

    /** Moves {@code weights} against {@code gradient} (same length), with {@code decay} times the weight added to it. */
    void update(String name, float[] weights, float[] gradient, float decay) {
        float[][] mv = moments.computeIfAbsent(name, k -> new float[][]{new float[weights.length], new float[weights.length]});
        float[] m = mv[0];
        float[] v = mv[1];
        float b1 = (float) BETA1;
        float b2 = (float) beta2;
        float r = rate / correction1;
        float c2 = correction2;
        float eps = (float) EPSILON;
        for (int i = 0; i < weights.length; i++) {
            float g = gradient[i] + decay * weights[i];
            float mi = b1 * m[i] + (1 - b1) * g;
            float vi = b2 * v[i] + (1 - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            weights[i] -= r * mi / ((float) Math.sqrt(vi / c2) + eps);
        }
    }

    /** One whole step over ND4J weights (same names as the gradients); weights without a gradient stay. */
    void step(Map<String, INDArray> weights, Map<String, INDArray> gradients) {
        next();
        for (Map.Entry<String, INDArray> g : gradients.entrySet()) {
            INDArray w = weights.get(g.getKey());
            float[] values = w.dup('c').data().asFloat();
            float[] gradient = g.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
            update(g.getKey(), values, gradient, 0);
            w.assign(Nd4j.create(values, w.shape(), 'c'));
        }
    }
}
