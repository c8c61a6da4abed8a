package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.io.IOException;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A denoising autoencoder with a multinomial likelihood (Mult-DAE; Liang et al., WWW 2018), in DL4J: a user's
 * interaction row, L2-normalised and with half its entries dropped while training, is squeezed through a tanh
 * bottleneck and decoded into a softmax over all items; the loss is the cross-entropy against the user's items.
 * The bottleneck is the user's feature vector ({@link #features}). Trained in mini-batches with Adam
 * ({@link AutoencoderSteps}), early-stopped on validation NDCG; stored and scored as a DL4J network.
 */
public final class Autoencoder extends TrainedRecommender implements UserFeatures {
    /** Bottleneck width, input keep probability, learning rate, L2, batch size, epochs and patience. */
    public record Settings(int bottleneck, double keep, @Key("lr") double learningRate, double l2, int batch, int epochs,
                           int patience) implements EarlyStoppedTrainer.EpochSettings {
        public static Settings standard() {
            return new Settings(200, 0.5, 1e-3, 1e-5, 64, 200, 10);
        }
    }

    /** Trains the network in mini-batches with Adam and keeps its best epoch. */
    public static final class Trainer extends EarlyStoppedTrainer<Settings> {
        public Trainer(Settings settings) {
            super("autoencoder", settings);
        }

        /**
         * Both weight matrices (items × bottleneck) with their gradients and Adam's two moments, and a batch's input,
         * logits and their gradients (batch × items, several copies).
         */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            Settings s = settings();
            double weights = 2.0 * items * s.bottleneck() + items + s.bottleneck();
            return MemoryNeed.heap(4 * 4 * weights + 4.0 * 16 * s.batch() * items).plusNative(ND4J_WORKING + 4.0 * 64 * s.batch() * items);
        }

        @Override
        Recommender learn(EarlyStopping stopping, int items, Training training, Stamp stamp) {
            Interactions data = stopping.fitOn();
            MultiLayerNetwork network = new MultiLayerNetwork(configuration(settings(), items, training.seed()));
            network.init();
            INDArray best = network.params().dup();
            Autoencoder learning = new Autoencoder(null, settings().bottleneck(), network, items);
            AutoencoderSteps steps = new AutoencoderSteps(data, network, settings(), training.seed());
            stopping.train(new Random(training.seed()), learning, steps, () -> best.assign(network.params()));
            network.setParams(best);
            return new Autoencoder(stamp.provenance(), settings().bottleneck(), network, items);
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) throws IOException {
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(in.file(NETWORK).toFile(), false);
            return new Autoencoder(provenance, settings().bottleneck(), network, in.ints(SHAPE)[0]);
        }
    }

    private static final String NETWORK = "network.zip";
    private static final String SHAPE = "shape";

    private final int bottleneck;
    private final MultiLayerNetwork network;
    private final int items;

    private Autoencoder(ModelProvenance provenance, int bottleneck, MultiLayerNetwork network, int items) {
        super(provenance);
        this.bottleneck = bottleneck;
        this.network = network;
        this.items = items;
    }

    @Override
    public int items() {
        return items;
    }

    static MultiLayerConfiguration configuration(Settings settings, int items, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(settings.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .l2(settings.l2())
                .list()
                .layer(new DenseLayer.Builder().nIn(items).nOut(settings.bottleneck()).activation(Activation.TANH)
                        .dropOut(settings.keep()).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(settings.bottleneck()).nOut(items)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    /** Rows scaled to unit length, one per history. */
    private INDArray input(int[]... histories) {
        float[] rows = new float[histories.length * items];
        for (int h = 0; h < histories.length; h++) {
            float norm = histories[h].length == 0 ? 0 : (float) (1 / Math.sqrt(histories[h].length));
            for (int i : histories[h]) {
                rows[h * items + i] = norm;
            }
        }
        return Nd4j.create(rows, new long[]{histories.length, items}, 'c');
    }

    @Override
    public void score(int[] history, float[] scores) {
        float[] out = network.output(input(history), false).toFloatVector();
        System.arraycopy(out, 0, scores, 0, items);
    }

    /** All the sessions in one forward pass (validation and evaluation score users a chunk at a time). */
    @Override
    public void score(java.util.List<Session> sessions, float[][] scores) {
        int[][] histories = new int[sessions.size()][];
        for (int s = 0; s < histories.length; s++) {
            histories[s] = sessions.get(s).distinctItems();
        }
        float[] out = network.output(input(histories), false).dup('c').data().asFloat();
        for (int s = 0; s < histories.length; s++) {
            System.arraycopy(out, s * items, scores[s], 0, items);
        }
    }

    @Override
    public int dimensions() {
        return bottleneck;
    }

    @Override
    public float[] features(int[] history) {
        return network.feedForwardToLayer(0, input(history), false).get(1).toFloatVector();
    }

    @Override
    public void save(ColumnFolderWriter out) throws IOException {
        ModelSerializer.writeModel(network, out.file(NETWORK).toFile(), false);
        out.ints(SHAPE, new int[]{items, provenance().curve().size()}, 2);
    }
}
