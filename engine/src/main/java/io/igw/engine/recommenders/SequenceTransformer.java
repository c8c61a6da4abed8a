package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MemoryNeed;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The large behaviour model: a causal Transformer over each user's actions in time order (SASRec, Kang &amp; McAuley
 * 2018, with the full cross-entropy loss of Klenitskiy &amp; Vasilev 2023), which also reads what the user did
 * (view, favourite, cart, buy, rate) and how long after the previous action. Trained to predict every next action,
 * early-stopped on validation NDCG@10 of each user's last training action; it scores from the current session alone,
 * so an anonymous session or a user's newest actions need no retraining. Its last hidden state is the user's interest
 * vector ({@link UserFeatures}), and it explains a recommendation by its attention over the user's recent actions.
 */
public final class SequenceTransformer extends TrainedRecommender implements UserFeatures {
    /**
     * Width, blocks, heads, the longest sequence read, dropout, learning rate, warm-up iterations, batch, epochs,
     * patience; a full softmax over the catalogue up to {@code softmaxUpTo} items, past that a sampled softmax over
     * {@code negatives} items drawn for each batch.
     */
    public record Settings(int width, int blocks, int heads, int length, double dropout, @Key("lr") double learningRate,
                           int warmup, int batch, int epochs, int patience, int softmaxUpTo, int negatives)
            implements ModelSettings {
        public Settings {
            InvalidSetting.atLeast("width", width, 2);
            InvalidSetting.atLeast("blocks", blocks, 1);
            InvalidSetting.atLeast("heads", heads, 1);
            InvalidSetting.atLeast("length", length, 2);
            InvalidSetting.atLeast("batch", batch, 1);
            InvalidSetting.atLeast("negatives", negatives, 1);
            if (width % heads != 0) {
                throw InvalidSetting.conflict("heads", "width " + width + " does not split into " + heads + " heads");
            }
            if (dropout < 0 || dropout >= 1) {
                throw new InvalidSetting("dropout", "must be at least 0 and below 1, not " + dropout);
            }
        }

        /** 64 wide, 2 blocks of 2 heads: the size of the reference SASRec. */
        public static Settings small() {
            return sized(64, 2, 2);
        }

        public static Settings base() {
            return sized(128, 2, 4);
        }

        /** 256 wide, 4 blocks of 4 heads, in batches of 64 (its activations for 128 sequences outgrow a 2 GB heap). */
        public static Settings large() {
            Settings s = sized(256, 4, 4);
            return new Settings(s.width(), s.blocks(), s.heads(), s.length(), s.dropout(), s.learningRate(), s.warmup(), 64,
                    s.epochs(), s.patience(), s.softmaxUpTo(), s.negatives());
        }

        public static Settings standard() {
            return small();
        }

        private static Settings sized(int width, int blocks, int heads) {
            // decision: past 10,000 items a full softmax costs more than the blocks (positions × items × width)
            return new Settings(width, blocks, heads, 100, 0.2, 1e-3, 100, 128, 200, 10, 10_000, 512);
        }

        /** The preset named small, base or large. */
        public static Settings preset(String size) {
            return switch (size) {
                case "small" -> small();
                case "base" -> base();
                case "large" -> large();
                default -> throw new InvalidSetting("size", "'" + size + "' must be small, base or large");
            };
        }

        /** The same settings with {@code epochs} and {@code patience} replaced. */
        public Settings withEpochs(int epochs, int patience) {
            return new Settings(width, blocks, heads, length, dropout, learningRate, warmup, batch, epochs, patience,
                    softmaxUpTo, negatives);
        }

        int negativesFor(int items) {
            return items <= softmaxUpTo ? 0 : negatives;
        }
    }

    /** The validation NDCG's cut-off, as the protocol's headline figure. */
    static final int K = 10;
    static final int MAX_VALIDATION_USERS = 1500;
    private static final int SCORING_BATCH = 256;
    private static final String SHAPE = "sequence.shape";
    private static final String WEIGHT = "sequence.weight.";

    /** Learns the network in mini-batches of users' sequences with Adam, warm-up and early stopping. */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        /** An item id's categories and brand, for starting new items' embeddings when fine-tuning. */
        private final LongFunction<List<String>> groupsOf;

        public Trainer(Settings settings) {
            this(settings, id -> List.of());
        }

        public Trainer(Settings settings, LongFunction<List<String>> groupsOf) {
            super("sequence", settings);
            this.groupsOf = groupsOf;
        }

        /**
         * The item table (tied embeddings, with gradient and Adam's moments, and its copy on the heap), the blocks'
         * weights, and a batch's activations: per block the positions × width states and the attention's
         * positions × positions per head, and the softmax's logits over its candidates (the whole catalogue, or the
         * batch's targets and the negatives) with their gradients and the copies SameDiff keeps (twelve in all,
         * measured: 1.7 GB outside the heap for 2,520 items at 64 wide).
         */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            Settings s = settings();
            double w = s.width();
            double b = s.batch();
            double t = s.length();
            double candidates = items <= s.softmaxUpTo() ? items : Math.min(items, b * t + s.negatives());
            double weights = (items + 1.0 + t + 64) * w + s.blocks() * 12 * w * w;
            double activations = s.blocks() * (b * t * w * 4 * 32 + b * s.heads() * t * t * 4 * 8) + b * t * candidates * 4 * 12;
            // on the heap: the item table's copy, the mask, every user's sequence, and SameDiff's graph of the network
            double heap = 4 * 4 * (items + 1.0) * w + 8 * b * t * t + 32.0 * users * t + 48.0 * 1024 * 1024;
            return MemoryNeed.heap(heap).plusNative(ND4J_WORKING + 4 * 4 * weights + activations);
        }

        /** A trainer that reads items' categories and brands from the workspace's graph features when it needs them. */
        public static Trainer of(Settings settings, io.igw.storage.Workspace workspace) {
            if (workspace == null) {
                return new Trainer(settings);
            }
            return new Trainer(settings, new LongFunction<>() {
                private io.igw.engine.graph.ItemFeatures features;

                @Override
                public List<String> apply(long item) {
                    if (features == null) {
                        features = io.igw.engine.graph.ItemFeatures.load(workspace);
                    }
                    List<String> out = new ArrayList<>();
                    for (int f : features.of(item)) {
                        String name = features.name(f);
                        if (name.startsWith("category:") || name.startsWith("brand:")) {
                            out.add(name);
                        }
                    }
                    return out;
                }
            });
        }

        @Override
        public boolean continues() {
            return true;
        }

        /**
         * Warm start ({@link WarmStart}): the old weights, new items from their category's and brand's mean; then
         * learns from the sessions of the users who acted since, early-stopped as a full training is.
         */
        @Override
        protected Recommender refit(Recommender previous, Interactions before, Interactions data, Training training,
                                    Stamp stamp) {
            SequenceNetwork old = ((SequenceTransformer) previous).network;
            SequenceNetwork.Shape was = old.shape();
            SequenceNetwork.Shape shape = new SequenceNetwork.Shape(data.items(), was.width(), was.blocks(), was.heads(),
                    was.length(), settings().negativesFor(data.items()));
            SequenceNetwork network = new SequenceNetwork(shape, settings().dropout(), training.seed());
            training.context().progress(0, "starting from the stored model");
            WarmStart.copy(old, before, network, data, groupsOf);
            boolean[] changed = WarmStart.usersWithNewActions(before, data);
            new Learning(network, data, changed, training, settings()).run();
            training.context().checkCancelled();
            return new SequenceTransformer(stamp.provenance(), network);
        }

        @Override
        public boolean iterative() {
            return true;
        }

        @Override
        protected Recommender fit(Interactions data, Training training, Stamp stamp) {
            Settings s = settings();
            SequenceNetwork.Shape shape = new SequenceNetwork.Shape(data.items(), s.width(), s.blocks(), s.heads(),
                    s.length(), s.negativesFor(data.items()));
            SequenceNetwork network = new SequenceNetwork(shape, s.dropout(), training.seed());
            new Learning(network, data, null, training, s).run();
            training.context().checkCancelled();
            return new SequenceTransformer(stamp.provenance(), network);
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            int[] d = in.ints(SHAPE);
            SequenceNetwork network = new SequenceNetwork(new SequenceNetwork.Shape(d[0], d[1], d[2], d[3], d[4], d[5]),
                    settings().dropout(), provenance.seed());
            for (Map.Entry<String, INDArray> w : network.weights().entrySet()) {
                w.getValue().assign(Nd4j.create(in.floats(WEIGHT + w.getKey()), w.getValue().shape(), 'c'));
            }
            return new SequenceTransformer(provenance, network);
        }
    }

    /** The epochs of one training: the sessions, the validation hold-out and the best weights so far. */
    private static final class Learning {
        private final SequenceNetwork network;
        private final Training training;
        private final Settings settings;
        private final List<Session> fitOn = new ArrayList<>();
        private final List<Session> validationInput = new ArrayList<>();
        private final int[] validationTarget;

        /** @param only the users to learn from (null: all) */
        Learning(SequenceNetwork network, Interactions data, boolean[] only, Training training, Settings settings) {
            this.network = network;
            this.training = training;
            this.settings = settings;
            List<Integer> validated = new ArrayList<>();
            for (int u = 0; u < data.users(); u++) {
                if (only != null && !only[u]) {
                    continue;
                }
                Session s = data.session(u);
                if (s.length() >= 3) {
                    // the user's last action is held out to stop on; the model learns from the ones before it
                    Session before = s.first(s.length() - 1);
                    fitOn.add(before);
                    validated.add(fitOn.size() - 1);
                } else if (s.length() >= 2) {
                    fitOn.add(s);
                }
            }
            Random sample = new Random(training.seed() ^ 0x5eedL);
            java.util.Collections.shuffle(validated, sample);
            java.util.Set<Integer> chosen = new java.util.HashSet<>(validated.subList(0, Math.min(MAX_VALIDATION_USERS, validated.size())));
            validationTarget = new int[chosen.size()];
            int n = 0;
            for (int u = 0, at = 0; u < data.users(); u++) {
                if (only != null && !only[u]) {
                    continue;
                }
                Session s = data.session(u);
                if (s.length() >= 3) {
                    if (chosen.contains(at)) {
                        validationInput.add(fitOn.get(at));
                        validationTarget[n++] = s.items()[s.length() - 1];
                    }
                    at++;
                } else if (s.length() >= 2) {
                    at++;
                }
            }
        }

        void run() {
            int batches = (fitOn.size() + settings.batch() - 1) / Math.max(1, settings.batch());
            // a small data set has few steps an epoch: warm up over at most one epoch
            network.learnWith(settings.learningRate(), Math.min(settings.warmup(), batches));
            Random random = new Random(training.seed());
            int maxEpochs = training.epochsOr(settings.epochs());
            Map<String, INDArray> best = network.snapshot();
            double bestNdcg = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            int[] order = new int[fitOn.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            for (int epoch = 1; epoch <= maxEpochs; epoch++) {
                long started = System.nanoTime();
                double loss = 0;
                for (List<Session> batch : batchesOfLikeLength(order, random)) {
                    training.context().checkCancelled();
                    loss += network.fit(SequenceBatch.toLearn(batch, settings.length()), random);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long validating = System.nanoTime();
                double ndcg = validationNdcg();
                boolean isBest = ndcg > bestNdcg;
                if (isBest) {
                    bestNdcg = ndcg;
                    bestEpoch = epoch;
                    best = network.snapshot();
                }
                double validationSeconds = (System.nanoTime() - validating) / 1e9;
                double meanLoss = loss / Math.max(1, batches);
                training.onEpoch().accept(new Training.Epoch(epoch, meanLoss, ndcg, seconds, validationSeconds, isBest));
                training.context().progress((double) epoch / maxEpochs, String.format(Locale.ROOT,
                        "epoch %d of at most %d: loss %.4f, validation ndcg@%d %.4f", epoch, maxEpochs, meanLoss, K, ndcg));
                if (epoch - bestEpoch >= settings.patience() || training.context().isCancelled()) {
                    break;
                }
            }
            network.restore(best);
        }

        private double validationNdcg() {
            if (validationInput.isEmpty()) {
                return 0;
            }
            double sum = 0;
            float[][] scores = scoreAll(network, validationInput);
            for (int v = 0; v < scores.length; v++) {
                for (int i : validationInput.get(v).items()) {
                    scores[v][i] = Float.NEGATIVE_INFINITY;
                }
                int rank = rankOf(scores[v], validationTarget[v]);
                sum += rank < K ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0;
            }
            return sum / scores.length;
        }

        /** How many items score above the target (ties by index); a target scored NaN ranks last. */
        private static int rankOf(float[] scores, int target) {
            float t = scores[target];
            if (Float.isNaN(t)) {
                return scores.length;
            }
            int rank = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] > t || (scores[i] == t && i < target)) {
                    rank++;
                }
            }
            return rank;
        }

        /**
         * This epoch's batches: the sessions shuffled, then ordered by how many positions they fill (so that a batch
         * pads little: attention's cost grows with the square of its length), cut into batches, which come in a
         * shuffled order.
         */
        private List<List<Session>> batchesOfLikeLength(int[] order, Random random) {
            EarlyStopping.shuffle(order, random);
            Integer[] byLength = new Integer[order.length];
            for (int k = 0; k < order.length; k++) {
                byLength[k] = order[k];
            }
            Arrays.sort(byLength, Comparator.comparingInt(k -> Math.min(settings.length(), fitOn.get(k).length())));
            List<List<Session>> batches = new ArrayList<>();
            for (int from = 0; from < byLength.length; from += settings.batch()) {
                List<Session> batch = new ArrayList<>();
                for (int k = from; k < Math.min(byLength.length, from + settings.batch()); k++) {
                    batch.add(fitOn.get(byLength[k]));
                }
                batches.add(batch);
            }
            java.util.Collections.shuffle(batches, random);
            return batches;
        }

    }

    private final SequenceNetwork network;
    /** Item embeddings without the padding row, [items, width], for scoring a hidden state. */
    private final INDArray itemVectors;

    private SequenceTransformer(ModelProvenance provenance, SequenceNetwork network) {
        super(provenance);
        this.network = network;
        INDArray e = network.itemEmbedding();
        this.itemVectors = e.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, e.rows()),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
    }

    /**
     * A model with its first weights, never trained, over {@code items} items: scoring costs the same whatever the
     * weights hold, so benchmarks time this one.
     */
    public static SequenceTransformer untrained(Settings s, int items, long seed) {
        SequenceNetwork network = new SequenceNetwork(new SequenceNetwork.Shape(items, s.width(), s.blocks(), s.heads(),
                s.length(), s.negativesFor(items)), s.dropout(), seed);
        ModelProvenance p = new ModelProvenance("sequence", s.describe(), seed, "untrained", 0, items, 0,
                LibraryVersions.current(), java.time.Instant.now(), List.of());
        return new SequenceTransformer(p, network);
    }

    SequenceNetwork network() {
        return network;
    }

    /** How many weights the network has. */
    public long parameters() {
        return network.parameters();
    }

    /** Which loss it learned with, in words. */
    public String loss() {
        int negatives = network.shape().negatives();
        return negatives == 0 ? "full softmax over " + items() + " items" : "sampled softmax, " + negatives + " negatives per batch";
    }

    @Override
    public int items() {
        return network.shape().items();
    }

    @Override
    public void score(int[] history, float[] scores) {
        score(Session.ofItems(history), scores);
    }

    @Override
    public void score(Session session, float[] scores) {
        float[][] one = scoreAll(network, List.of(session), itemVectors);
        System.arraycopy(one[0], 0, scores, 0, items());
    }

    @Override
    public void score(List<Session> sessions, float[][] scores) {
        float[][] all = scoreAll(network, sessions, itemVectors);
        for (int s = 0; s < all.length; s++) {
            System.arraycopy(all[s], 0, scores[s], 0, items());
        }
    }

    private static float[][] scoreAll(SequenceNetwork network, List<Session> sessions) {
        INDArray e = network.itemEmbedding();
        return scoreAll(network, sessions, e.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, e.rows()),
                org.nd4j.linalg.indexing.NDArrayIndex.all()));
    }

    /** Each session's scores of every item: its last hidden state against the item embeddings. */
    private static float[][] scoreAll(SequenceNetwork network, List<Session> sessions, INDArray itemVectors) {
        float[][] out = new float[sessions.size()][];
        for (int from = 0; from < sessions.size(); from += SCORING_BATCH) {
            List<Session> part = sessions.subList(from, Math.min(sessions.size(), from + SCORING_BATCH));
            INDArray hidden;
            synchronized (network) {
                hidden = network.lastHidden(SequenceBatch.toScore(part, network.shape().length()));
            }
            INDArray scores = Nd4j.gemm(hidden, itemVectors, false, true);
            for (int r = 0; r < part.size(); r++) {
                out[from + r] = part.get(r).length() == 0 ? new float[itemVectors.rows()] : scores.getRow(r).toFloatVector();
            }
        }
        return out;
    }

    @Override
    public int dimensions() {
        return network.shape().width();
    }

    @Override
    public float[] features(int[] history) {
        return features(Session.ofItems(history));
    }

    @Override
    public float[] features(Session session) {
        synchronized (network) {
            return network.lastHidden(SequenceBatch.toScore(List.of(session), network.shape().length())).toFloatVector();
        }
    }

    /**
     * The user's recent actions the model attended to most from their last one (its last block, heads averaged),
     * each weighed for a recommended item by how close that action's item sits to it (cosine of their embeddings,
     * mapped to 0..1): "because you carted X yesterday".
     */
    @Override
    public List<List<Reason>> because(Session session, int[] recommended, int perItem) {
        List<List<Reason>> out = new ArrayList<>();
        if (session.length() == 0) {
            recommended = new int[0];
        }
        Session shown = session.last(network.shape().length());
        float[] attention;
        synchronized (network) {
            attention = network.lastAttention(SequenceBatch.toScore(List.of(shown), network.shape().length()))[0];
        }
        int t = attention.length;
        // each item's embedding read once, as plain floats: a few hundred small ND4J ops per request otherwise
        java.util.Map<Integer, float[]> rows = new java.util.HashMap<>();
        for (int item : recommended) {
            float[] target = rows.computeIfAbsent(item, i -> itemVectors.getRow(i).toFloatVector());
            List<Reason> reasons = new ArrayList<>();
            for (int p = 0; p < shown.length(); p++) {
                int action = shown.items()[p];
                float[] v = rows.computeIfAbsent(action, i -> itemVectors.getRow(i).toFloatVector());
                double cos = SimilarUsers.cosine(v, target);
                double weight = attention[t - shown.length() + p] * (1 + cos) / 2;
                reasons.add(Reason.action(action, shown.kinds()[p], shown.times()[p], weight));
            }
            reasons.sort(Comparator.comparingDouble(Reason::weight).reversed());
            out.add(reasons.subList(0, Math.min(perItem, reasons.size())));
        }
        return out;
    }

    @Override
    public List<List<Reason>> because(int[] history, int[] recommended, int perItem) {
        return because(Session.ofItems(history), recommended, perItem);
    }

    @Override
    public void save(ColumnFolderWriter out) {
        SequenceNetwork.Shape s = network.shape();
        out.ints(SHAPE, new int[]{s.items(), s.width(), s.blocks(), s.heads(), s.length(), s.negatives()}, 6);
        for (Map.Entry<String, INDArray> w : network.weights().entrySet()) {
            float[] values = w.getValue().dup('c').data().asFloat();
            out.floats(WEIGHT + w.getKey(), values, values.length);
        }
    }

    @Override
    public String toString() {
        return "sequence model, " + parameters() + " parameters, " + loss() + " (" + Arrays.toString(new int[]{
                network.shape().width(), network.shape().blocks(), network.shape().heads()}) + ")";
    }
}
