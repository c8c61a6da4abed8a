package io.igw.engine.recommenders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The causal Transformer of {@link SequenceTransformer}, as a SameDiff graph. Each position's input is its item's
 * embedding plus a learned position, the behaviour's embedding and the bucketed gap since the previous action;
 * {@code blocks} pre-norm blocks of causal multi-head self-attention and a GELU feed-forward follow, each with
 * dropout and a residual path; the last layer norm gives each position's hidden state, scored against the same
 * (tied) item embeddings.
 *
 * <p>SameDiff's attention ops take a key mask but no causal one and its layer norm has no epsilon, so attention and
 * layer norm are written out here: the causal mask is an additive bias fed with each batch (0 where a position may
 * look, -1e9 where it would look ahead, and at padding), and layer norm divides by sqrt(variance + 1e-6). Dropout is
 * a multiplier fed with the batch too, so that scoring runs the same graph with none.
 *
 * <p>The item table lives outside the graph: M2.1's gather differentiates through a control-flow loop that fails
 * when a graph has more than one, so the rows a batch needs are looked up here and fed in, and their gradients come
 * back and are added into the table's.
 * Small tables (positions, behaviours, gaps) are one-hot products inside the graph. Every weight learns by
 * {@link AdamSteps}.
 *
 * <p>The loss is the cross-entropy of the next item at every position, over candidates: the whole catalogue (a
 * full softmax) or, for large catalogues, the batch's own targets and a sample of {@code negatives} (a sampled
 * softmax). That output layer runs outside the graph ({@link OutputLayerStep}): SameDiff's matmul copies its
 * [positions × items] result (2.3× slower than BLAS here), its log-sum-exp fails in backprop and its sparse
 * softmax cross-entropy is single-threaded, and only the positions that have a target need scoring.
 *
 * <p>The title generator ({@code io.igw.engine.titles}) runs the same blocks over tokens instead of items, with the
 * behaviour slot telling a condition token from a title one, and learns by policy gradient through {@link #fit(SequenceBatch, float[], java.util.Random)}.
 */
public final class SequenceNetwork {
    /** The network's size. {@code negatives} 0 means a full softmax. */
    public record Shape(int items, int width, int blocks, int heads, int length, int negatives) {
        int vocabulary() {
            return items + 1;
        }

        int headWidth() {
            return width / heads;
        }
    }

    /** Behaviour codes 0 (padding, unknown) to 5 (rate). */
    public static final int BEHAVIOURS = 6;
    /** Gap buckets: 0 for the first action or an unknown time, then log2 of the minutes since the previous one. */
    static final int GAPS = 20;
    private static final double MASKED = -1e9;
    private static final double EPSILON = 1e-6;

    static final String ITEM_INPUT = "item_input";
    static final String PADDING = "padding";
    static final String KINDS = "kinds";
    static final String GAP = "gaps";
    static final String POSITIONS = "positions";
    static final String BIAS = "attention_bias";
    static final String HIDDEN_GRADIENT = "hidden_gradient";
    static final String DROP_EMBEDDING = "drop_embedding";
    static final String SHAPE3 = "shape_btd";
    static final String SHAPE4 = "shape_bthd";
    static final String HIDDEN = "hidden";
    static final String ITEM_TABLE = "item_embedding";
    static final String LOSS = "loss";
    private static final String ATTENTION_DROPOUT = "drop_attention";

    private final Shape shape;
    private final SameDiff sd;
    private final double dropout;
    private final String[] dropouts;
    private final String lastAttention;
    private final SDVariable shape3;
    private final SDVariable shape4;
    /** Draws the first weights, so that a seed gives the same network. */
    private final java.util.Random init;
    /** The item table, row i+1 for item i, row 0 the padding (kept at zero). */
    private final INDArray items;
    private AdamSteps adam;
    private boolean gradientsReady;
    private final boolean fromStart;

    /**
     * @param dropout the share of activations dropped while learning
     * @param seed what the weights are first drawn from
     */
    public SequenceNetwork(Shape shape, double dropout, long seed) {
        this(shape, dropout, seed, false);
    }

    /**
     * @param fromStart whether positions count from each row's start (rows padded on the right, as titles are
     *                  written) rather than back from its end (sessions padded on the left)
     */
    public SequenceNetwork(Shape shape, double dropout, long seed, boolean fromStart) {
        this.fromStart = fromStart;
        if (shape.width() % shape.heads() != 0) {
            throw new IllegalArgumentException("width " + shape.width() + " is not a multiple of heads " + shape.heads());
        }
        this.shape = shape;
        this.dropout = dropout;
        init = new java.util.Random(seed);
        Nd4j.getRandom().setSeed(seed);
        sd = SameDiff.create();
        int d = shape.width();
        items = normal(shape.vocabulary(), d, 1 / Math.sqrt(d));
        items.getRow(0).assign(0);
        SDVariable input = sd.placeHolder(ITEM_INPUT, DataType.FLOAT, -1, -1, d);
        SDVariable pad = sd.placeHolder(PADDING, DataType.FLOAT, -1, -1, 1);
        SDVariable kinds = sd.placeHolder(KINDS, DataType.INT, -1);
        SDVariable gaps = sd.placeHolder(GAP, DataType.INT, -1);
        SDVariable positions = sd.placeHolder(POSITIONS, DataType.INT, -1);
        SDVariable bias = sd.placeHolder(BIAS, DataType.FLOAT, -1, 1, -1, -1);
        shape3 = sd.placeHolder(SHAPE3, DataType.LONG, 3);
        shape4 = sd.placeHolder(SHAPE4, DataType.LONG, 4);
        SDVariable positionEmbedding = sd.var("position_embedding", normal(shape.length(), d, 0.02));
        SDVariable kindEmbedding = sd.var("behaviour_embedding", normal(BEHAVIOURS, d, 0.02));
        SDVariable gapEmbedding = sd.var("gap_embedding", normal(GAPS, d, 0.02));

        SDVariable x = input
                .add(sd.mmul(sd.oneHot(positions, shape.length(), -1, 1, 0, DataType.FLOAT), positionEmbedding))
                .add(sd.reshape(sd.mmul(sd.oneHot(kinds, BEHAVIOURS, -1, 1, 0, DataType.FLOAT), kindEmbedding), shape3))
                .add(sd.reshape(sd.mmul(sd.oneHot(gaps, GAPS, -1, 1, 0, DataType.FLOAT), gapEmbedding), shape3));
        dropouts = new String[1 + 3 * shape.blocks()];
        int drop = 0;
        x = dropped(x, DROP_EMBEDDING, dropouts, drop++).mul(pad);
        String attention = null;
        for (int b = 0; b < shape.blocks(); b++) {
            String p = "block" + b + ".";
            SDVariable h = layerNorm(x, p + "norm1", d);
            SDVariable q = heads(dense(h, p + "query"));
            SDVariable k = heads(dense(h, p + "key"));
            SDVariable v = heads(dense(h, p + "value"));
            SDVariable scores = sd.mmul(q, k, false, true, false).div(Math.sqrt(shape.headWidth())).add(bias); // [B,H,T,T]
            SDVariable weights = sd.nn.softmax(p + "attention", scores, 3);
            attention = weights.name();
            weights = dropped(weights, p + ATTENTION_DROPOUT, dropouts, drop++);
            SDVariable mixed = sd.reshape(sd.permute(sd.mmul(weights, v), 0, 2, 1, 3), shape3); // [B,T,D]
            x = x.add(dropped(dense(mixed, p + "output"), p + "drop_output", dropouts, drop++));
            SDVariable f = dense(sd.nn.gelu(dense(layerNorm(x, p + "norm2", d), p + "ff1")), p + "ff2");
            x = x.add(dropped(f, p + "drop_ff", dropouts, drop++)).mul(pad);
        }
        lastAttention = attention;
        SDVariable hidden = layerNorm(x, "final_norm", d);
        sd.identity(HIDDEN, hidden);
        loss(hidden);
    }

    /** {@code x} times a dropout multiplier fed with each batch ({@link #keepMask} while learning, ones otherwise). */
    private SDVariable dropped(SDVariable x, String name, String[] names, int at) {
        names[at] = name;
        long[] dims = name.endsWith(ATTENTION_DROPOUT) ? new long[]{-1, -1, -1, -1} : new long[]{-1, -1, -1};
        return x.mul(sd.placeHolder(name, DataType.FLOAT, dims));
    }

    /**
     * The graph's loss is the hidden states times a fed gradient, so that backpropagating it carries the output
     * layer's gradient (computed outside, see {@link OutputLayerStep}) through the blocks.
     */
    private void loss(SDVariable hidden) {
        SDVariable upstream = sd.placeHolder(HIDDEN_GRADIENT, DataType.FLOAT, -1, -1, shape.width());
        sd.sum(LOSS, hidden.mul(upstream), 0, 1, 2);
        sd.setLossVariables(LOSS);
    }

    /** Starts learning with Adam whose rate rises linearly over {@code warmup} steps, then holds. */
    public void learnWith(double learningRate, int warmup) {
        adam = new AdamSteps(learningRate, warmup, AdamSteps.TRANSFORMER_BETA2);
    }

    /**
     * One step of Adam on a batch; returns its loss. The blocks run forward in the graph; the output layer (the
     * softmax over the candidates, the widest product by far) runs here as plain BLAS products on the positions that
     * have a target; its gradient goes back into the graph, whose gradients come out with the inputs' and the
     * candidates' rows, which are added into the item table's.
     */
    double fit(SequenceBatch batch, java.util.Random random) {
        return fit(batch, null, random);
    }

    /**
     * One step of Adam on a batch whose positions' losses are weighted ({@code weights} row-major over batch ×
     * length, null for all ones): with signed weights (advantages) this is a policy-gradient step.
     */
    public double fit(SequenceBatch batch, float[] weights, java.util.Random random) {
        Map<String, INDArray> in = inputs(batch, true, random);
        INDArray hidden = sd.output(in, HIDDEN).get(HIDDEN);
        int[] candidates = candidates(batch, random);
        OutputLayerStep head = OutputLayerStep.of(hidden, flat(batch.targets()), weights, Nd4j.pullRows(items, 1, candidates), candidates);
        in.put(HIDDEN_GRADIENT, head.hiddenGradient());
        List<String> learned = new java.util.ArrayList<>(weights().keySet());
        learned.remove(ITEM_TABLE);
        List<String> wanted = new java.util.ArrayList<>(learned);
        wanted.add(ITEM_INPUT);
        Map<String, INDArray> gradients = gradientsReady ? sd.calculateGradients(in, wanted) : firstGradients(in, wanted);
        Map<String, INDArray> steps = new LinkedHashMap<>();
        for (String name : learned) {
            steps.put(name, gradients.get(name));
        }
        float[] table = new float[(int) items.length()];
        int d = shape.width();
        addRows(table, flat(batch.items()), gradients.get(ITEM_INPUT).mul(inputScale()).dup('c').data().asFloat(), d);
        addRows(table, candidates, head.candidateGradient().dup('c').data().asFloat(), d);
        java.util.Arrays.fill(table, 0, d, 0);
        steps.put(ITEM_TABLE, Nd4j.create(table, items.shape(), 'c'));
        adam.step(weights(), steps);
        return head.loss();
    }

    /** Item embeddings enter the first block scaled by sqrt(width), as in SASRec, so they outweigh the position's. */
    private double inputScale() {
        return Math.sqrt(shape.width());
    }

    /** The first step builds the gradient graph, which SameDiff announces op by op on standard output. */
    private Map<String, INDArray> firstGradients(Map<String, INDArray> in, List<String> wanted) {
        List<Map<String, INDArray>> result = new java.util.ArrayList<>();
        QuietOutput.run(() -> result.add(sd.calculateGradients(in, wanted)));
        gradientsReady = true;
        return result.get(0);
    }

    /** Adds each row of {@code gradient} into the table row its id names. */
    private static void addRows(float[] table, int[] ids, float[] gradient, int d) {
        for (int n = 0; n < ids.length; n++) {
            int at = ids[n] * d;
            for (int c = 0; c < d; c++) {
                table[at + c] += gradient[n * d + c];
            }
        }
    }

    /**
     * The table rows the batch's softmax runs over: every item's row (a full softmax) or the batch's targets and
     * {@code negatives} rows drawn at random (a sampled softmax). Never the padding row.
     */
    private int[] candidates(SequenceBatch batch, java.util.Random random) {
        if (shape.negatives() == 0) {
            int[] all = new int[shape.items()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i + 1;
            }
            return all;
        }
        java.util.LinkedHashSet<Integer> rows = new java.util.LinkedHashSet<>();
        for (int[] row : batch.targets()) {
            for (int t : row) {
                if (t > 0) {
                    rows.add(t);
                }
            }
        }
        for (int n = 0; n < shape.negatives(); n++) {
            rows.add(1 + random.nextInt(shape.items()));
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] flat(int[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        int[] out = new int[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * width, width);
        }
        return out;
    }

    /** The hidden state at every position, [batch, length, width]. */
    public INDArray hiddenStates(SequenceBatch batch) {
        return sd.output(inputs(batch, false, null), HIDDEN).get(HIDDEN);
    }

    /** The hidden state at each sequence's last position, [batch, width]. */
    public INDArray lastHidden(SequenceBatch batch) {
        INDArray hidden = hiddenStates(batch);
        return hidden.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(batch.length() - 1),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
    }

    /** The last block's attention from each sequence's last position, averaged over heads: [batch, length]. */
    float[][] lastAttention(SequenceBatch batch) {
        INDArray weights = sd.output(inputs(batch, false, null), lastAttention).get(lastAttention); // [B,H,T,T]
        int t = batch.length();
        float[][] out = new float[batch.size()][t];
        for (int b = 0; b < batch.size(); b++) {
            for (int h = 0; h < shape.heads(); h++) {
                for (int j = 0; j < t; j++) {
                    out[b][j] += weights.getFloat(b, h, t - 1, j) / shape.heads();
                }
            }
        }
        return out;
    }

    private Map<String, INDArray> inputs(SequenceBatch batch, boolean learning, java.util.Random random) {
        int b = batch.size();
        int t = batch.length();
        int d = shape.width();
        Map<String, INDArray> in = new LinkedHashMap<>();
        int[] ids = flat(batch.items());
        in.put(ITEM_INPUT, Nd4j.pullRows(items, 1, ids).muli(inputScale()).reshape('c', b, t, d));
        float[] padding = new float[ids.length];
        for (int n = 0; n < ids.length; n++) {
            padding[n] = ids[n] != 0 ? 1 : 0;
        }
        in.put(PADDING, Nd4j.create(padding, new long[]{b, t, 1}, 'c'));
        in.put(KINDS, Nd4j.createFromArray(flat(batch.kinds())));
        in.put(GAP, Nd4j.createFromArray(flat(batch.gaps())));
        int[] positions = new int[t];
        for (int p = 0; p < t; p++) {
            positions[p] = fromStart ? p : shape.length() - t + p;
        }
        in.put(POSITIONS, Nd4j.createFromArray(positions));
        in.put(BIAS, attentionBias(batch));
        in.put(SHAPE3, Nd4j.createFromArray(new long[]{b, t, d}));
        in.put(SHAPE4, Nd4j.createFromArray(new long[]{b, t, shape.heads(), shape.headWidth()}));
        for (String name : dropouts) {
            long[] dims = name.endsWith(ATTENTION_DROPOUT) ? new long[]{b, shape.heads(), t, t} : new long[]{b, t, d};
            in.put(name, learning && dropout > 0 ? keepMask(dims) : Nd4j.ones(DataType.FLOAT, dims));
        }
        return in;
    }

    /**
     * Inverted dropout's multiplier: 0 for a dropped activation, 1/(1 - dropout) for a kept one; drawn by ND4J's
     * generator, which the network's seed set.
     */
    private INDArray keepMask(long[] dims) {
        INDArray mask = Nd4j.rand(DataType.FLOAT, dims);
        return mask.gt(dropout).castTo(DataType.FLOAT).muli(1 / (1 - dropout));
    }

    /** 0 where position i may attend to j (j ≤ i, j not padding), -1e9 elsewhere: [batch, 1, length, length]. */
    private static INDArray attentionBias(SequenceBatch batch) {
        int b = batch.size();
        int t = batch.length();
        float[] bias = new float[b * t * t];
        int[][] items = batch.items();
        for (int s = 0; s < b; s++) {
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    boolean visible = j <= i && (items[s][j] != 0 || j == i);
                    bias[(s * t + i) * t + j] = visible ? 0 : (float) MASKED;
                }
            }
        }
        return Nd4j.create(bias, new long[]{b, 1, t, t}, 'c');
    }

    /** A [B,T,D] to [B,T,D] affine layer. */
    private SDVariable dense(SDVariable x, String name) {
        int d = shape.width();
        SDVariable w = sd.var(name + ".w", normal(d, d, Math.sqrt(1.0 / d)));
        SDVariable bias = sd.var(name + ".b", Nd4j.zeros(DataType.FLOAT, d));
        return sd.reshape(sd.mmul(sd.reshape(x, -1, d), w).add(bias), shape3);
    }

    /** [B,T,D] to [B,H,T,D/H]. */
    private SDVariable heads(SDVariable x) {
        return sd.permute(sd.reshape(x, shape4), 0, 2, 1, 3);
    }

    private SDVariable layerNorm(SDVariable x, String name, int d) {
        SDVariable gain = sd.var(name + ".gain", Nd4j.ones(DataType.FLOAT, d));
        SDVariable shift = sd.var(name + ".shift", Nd4j.zeros(DataType.FLOAT, d));
        SDVariable centred = x.sub(sd.mean(x, true, 2));
        SDVariable variance = sd.mean(centred.mul(centred), true, 2);
        return centred.div(sd.math.sqrt(variance.add(EPSILON))).mul(gain).add(shift);
    }

    /** A rows × cols array of normal draws with standard deviation {@code std}. */
    private INDArray normal(int rows, int cols, double std) {
        float[] values = new float[rows * cols];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) (init.nextGaussian() * std);
        }
        return Nd4j.create(values, new long[]{rows, cols}, 'c');
    }

    /** Every learned array by name (weights only, no optimiser state), the item table first. */
    public Map<String, INDArray> weights() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(ITEM_TABLE, items);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                out.put(v.name(), v.getArr());
            }
        }
        return out;
    }

    /** Copies of the weights, to come back to (the best epoch). */
    public Map<String, INDArray> snapshot() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        weights().forEach((name, array) -> out.put(name, array.dup()));
        return out;
    }

    public void restore(Map<String, INDArray> weights) {
        weights.forEach((name, array) -> weights().get(name).assign(array));
    }

    public long parameters() {
        return weights().values().stream().mapToLong(INDArray::length).sum();
    }

    Shape shape() {
        return shape;
    }

    /** The item embeddings, row i+1 for item i (row 0 is padding). */
    public INDArray itemEmbedding() {
        return items;
    }
}
