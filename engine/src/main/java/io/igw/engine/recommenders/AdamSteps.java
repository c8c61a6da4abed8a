package io.igw.engine.recommenders;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma &amp; Ba, 2015) over named weight arrays, updated in place, with a learning rate that rises linearly
 * over the first {@code warmup} steps and then holds: the warm-up Transformers need so that early, noisy gradients
 * do not throw attention off.
 */
final class AdamSteps {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.98;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final int warmup;
    private final Map<String, INDArray[]> moments = new HashMap<>();
    private int step;

    AdamSteps(double learningRate, int warmup) {
        this.learningRate = learningRate;
        this.warmup = Math.max(1, warmup);
    }

    /** Moves each weight against its gradient (same names); weights without a gradient stay. */
    void step(Map<String, INDArray> weights, Map<String, INDArray> gradients) {
        step++;
        double rate = learningRate * Math.min(1.0, (double) step / warmup);
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        for (Map.Entry<String, INDArray> g : gradients.entrySet()) {
            INDArray w = weights.get(g.getKey());
            INDArray gradient = g.getValue().reshape(w.shape()).castTo(w.dataType());
            INDArray[] mv = moments.computeIfAbsent(g.getKey(), k -> new INDArray[]{w.ulike().assign(0), w.ulike().assign(0)});
            mv[0].muli(BETA1).addi(gradient.mul(1 - BETA1));
            mv[1].muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
            INDArray denominator = Transforms.sqrt(mv[1].div(correction2), false).addi(EPSILON);
            w.subi(mv[0].div(correction1).divi(denominator).muli(rate));
        }
    }
}
