package io.igw.engine.recommenders;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The sequence model's output layer for one batch, forward and backward: the positions that have a target are scored
 * against the candidate items (tied embeddings), softmax cross-entropy is taken against the target, and the gradients
 * come back for the hidden states (to flow on through the Transformer) and for the candidates' embeddings. Plain BLAS
 * products and in-place transforms, over the positions with a target only.
 */
final class OutputLayerStep {
    private final double loss;
    private final INDArray hiddenGradient;
    private final INDArray candidateGradient;

    private OutputLayerStep(double loss, INDArray hiddenGradient, INDArray candidateGradient) {
        this.loss = loss;
        this.hiddenGradient = hiddenGradient;
        this.candidateGradient = candidateGradient;
    }

    /**
     * @param hidden     [batch, length, width], every position's hidden state
     * @param targets    per position (row-major over batch × length) the item table row of the next action, 0 for none
     * @param weights    per position the weight of its loss (null: all ones); the loss is their weighted mean over
     *                   the positions with a target, divided by the count, not the weights' sum, so that signed
     *                   weights (policy-gradient advantages) keep their scale
     * @param candidates [candidates, width], the candidate rows of the item table
     * @param rows       which table row each candidate is; every target is among them
     */
    static OutputLayerStep of(INDArray hidden, int[] targets, float[] weights, INDArray candidates, int[] rows) {
        long width = hidden.size(2);
        INDArray flat = hidden.dup('c').reshape('c', targets.length, width);
        int counted = 0;
        for (int t : targets) {
            counted += t > 0 ? 1 : 0;
        }
        int[] positions = new int[counted];
        int[] labels = new int[counted];
        java.util.Map<Integer, Integer> index = new java.util.HashMap<>(rows.length * 2);
        for (int c = 0; c < rows.length; c++) {
            index.put(rows[c], c);
        }
        for (int n = 0, k = 0; n < targets.length; n++) {
            if (targets[n] > 0) {
                positions[k] = n;
                labels[k++] = index.get(targets[n]);
            }
        }
        if (counted == 0) {
            return new OutputLayerStep(0, Nd4j.zeros(DataType.FLOAT, hidden.shape()), Nd4j.zeros(DataType.FLOAT, candidates.shape()));
        }
        INDArray scored = Nd4j.pullRows(flat, 1, positions);                       // [n, width]
        INDArray logits = Nd4j.gemm(scored, candidates, false, true);              // [n, candidates]
        logits.subiColumnVector(logits.max(1));
        Transforms.exp(logits, false);
        logits.diviColumnVector(logits.sum(1));
        double loss = 0;
        for (int k = 0; k < counted; k++) {
            float p = logits.getFloat(k, labels[k]);
            float w = weights == null ? 1 : weights[positions[k]];
            loss -= w * Math.log(Math.max(p, 1e-30f));
            logits.putScalar(k, labels[k], p - 1);                                 // softmax minus one-hot
            if (w != 1) {
                logits.getRow(k).muli(w);
            }
        }
        INDArray gradient = logits.muli(1.0 / counted);                            // the loss is a mean
        float[] scoredGradient = Nd4j.gemm(gradient, candidates, false, false).dup('c').data().asFloat();
        INDArray candidateGradient = Nd4j.gemm(gradient, scored, true, false);
        float[] hiddenGradient = new float[(int) (targets.length * width)];
        for (int k = 0; k < counted; k++) {
            System.arraycopy(scoredGradient, (int) (k * width), hiddenGradient, (int) (positions[k] * width), (int) width);
        }
        return new OutputLayerStep(loss / counted, Nd4j.create(hiddenGradient, hidden.shape(), 'c'), candidateGradient);
    }

    /** The mean cross-entropy over the positions with a target. */
    double loss() {
        return loss;
    }

    /** d loss / d hidden, [batch, length, width]. */
    INDArray hiddenGradient() {
        return hiddenGradient;
    }

    /** d loss / d candidate embedding, [candidates, width]. */
    INDArray candidateGradient() {
        return candidateGradient;
    }
}
