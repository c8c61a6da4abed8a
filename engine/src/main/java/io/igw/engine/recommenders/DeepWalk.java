package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.task.JobContext;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * Graph embeddings, DeepWalk style: weighted random walks over the item–item graph of the interest graph (each item
 * linked to its nearest items by co-occurrence) are read as sentences of items and embedded with DL4J's Word2Vec (skip-gram,
 * negative sampling). Items close in the embedding are similar ({@link #similarTo}); a user is the mean of their
 * items' unit vectors, and items are scored by cosine to it. DL4J's Word2Vec (1.0.0-M2.1) gets worse when asked for
 * more than one epoch over the same sentences (Star Wars to Return of the Jedi: cosine 0.96 after one epoch, 0.48
 * after five), so an epoch here is a fresh set of walks, and all of them are learned in a single pass.
 */
public final class DeepWalk extends TrainedRecommender implements ItemSimilarity {
    /** Walks per item, walk length (in items), embedding size, context window, negative samples and epochs. */
    public record Settings(@Key("walks") int walksPerItem, @Key("length") int walkLength, int dimensions, int window,
                           int negative, int epochs) implements ModelSettings {
        public static Settings standard() {
            return new Settings(10, 40, 64, 5, 5, 1);
        }
    }

    /** Walks the item graph and learns the walks' item vectors with Word2Vec. */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        public Trainer(Settings settings) {
            super("deepwalk", settings);
        }

        /**
         * The walks as text (walks per item × epochs × items of them, each as long as a walk, about eight characters
         * a step), Word2Vec's vocabulary entry per item, and its two vector tables.
         */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            Settings s = settings();
            double walks = (double) items * s.walksPerItem() * (epochs > 0 ? epochs : s.epochs());
            return MemoryNeed.heap(walks * (16.0 * s.walkLength() + 64) + 512.0 * items)
                    .plusNative(ND4J_WORKING + 4.0 * 3 * items * s.dimensions());
        }

        @Override
        public boolean iterative() {
            return true;
        }

        @Override
        protected Recommender fit(Interactions train, Training training, Stamp stamp) {
            Settings settings = settings();
            JobContext context = training.context();
            int items = train.items();
            context.progress(0, "walking the interest graph");
            int epochs = training.epochsOr(settings.epochs());
            List<String> walks = walks(train, settings, epochs * settings.walksPerItem(), new Random(training.seed()), context);
            context.checkCancelled();
            context.progress(0.2, "learning item vectors from " + walks.size() + " walks");
            long t0 = System.nanoTime();
            Word2Vec word2vec = new Word2Vec.Builder()
                    .minWordFrequency(1)
                    .layerSize(settings.dimensions())
                    .windowSize(settings.window())
                    .negativeSample(settings.negative())
                    .useHierarchicSoftmax(false)
                    .epochs(1)
                    .iterations(1)
                    .seed(training.seed())
                    .workers(1)
                    .iterate(new CollectionSentenceIterator(walks))
                    .tokenizerFactory(new DefaultTokenizerFactory())
                    .build();
            word2vec.fit();
            float[] vectors = centred(word2vec, items, settings.dimensions());
            double seconds = (System.nanoTime() - t0) / 1e9;
            training.onEpoch().accept(new Training.Epoch(epochs, Double.NaN, Double.NaN, seconds, 0, true));
            context.progress(1, "item vectors learned");
            return new DeepWalk(stamp.provenance(), vectors, items, settings.dimensions());
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            return new DeepWalk(provenance, in.floats(VECTORS), in.ints(SHAPE)[0], settings().dimensions());
        }
    }

    private static final int NEIGHBOURS = 20;
    private static final String VECTORS = "vectors";
    private static final String SHAPE = "shape";

    /** Unit-length item vectors, row by row; zero for items no walk reached. */
    private final float[] vectors;
    private final int items;
    private final int dimensions;

    private DeepWalk(ModelProvenance provenance, float[] vectors, int items, int dimensions) {
        super(provenance);
        this.vectors = vectors;
        this.items = items;
        this.dimensions = dimensions;
    }

    @Override
    public int items() {
        return items;
    }

    /**
     * The learned vectors, less their mean, at unit length. Every walk passes through popular items, which pulls all
     * vectors one way: centring them first keeps cosines meaningful.
     */
    private static float[] centred(Word2Vec word2vec, int items, int d) {
        float[] vectors = new float[items * d];
        double[] mean = new double[d];
        int learned = 0;
        for (int i = 0; i < items; i++) {
            String word = "i" + i;
            if (word2vec.hasWord(word)) {
                float[] v = word2vec.getWordVectorMatrix(word).toFloatVector();
                System.arraycopy(v, 0, vectors, i * d, d);
                for (int k = 0; k < d; k++) {
                    mean[k] += v[k];
                }
                learned++;
            }
        }
        for (int i = 0; i < items; i++) {
            if (word2vec.hasWord("i" + i)) {
                float[] v = new float[d];
                for (int k = 0; k < d; k++) {
                    v[k] = (float) (vectors[i * d + k] - mean[k] / learned);
                }
                normalise(v);
                System.arraycopy(v, 0, vectors, i * d, d);
            }
        }
        return vectors;
    }

    /**
     * Sentences of item tokens ("i12 i40 ..."), {@code perItem} from every item with neighbours: each step moves to
     * one of the item's {@value #NEIGHBOURS} nearest items (item-kNN over the training users), chosen in proportion
     * to their similarity. (Walking through users instead, item → user → item, lands on a blockbuster at almost
     * every step on dense data, and every item ends up with the same context.)
     */
    private static List<String> walks(Interactions train, Settings settings, int perItem, Random random, JobContext context) {
        int items = train.items();
        ItemKnn knn = ItemKnn.neighbours(train, new ItemKnn.Settings(NEIGHBOURS, 10), context.silent(), () -> null);
        float[][] cumulative = new float[items][];
        for (int i = 0; i < items; i++) {
            float[] sim = knn.similarity[i];
            cumulative[i] = new float[sim.length];
            float sum = 0;
            for (int t = 0; t < sim.length; t++) {
                sum += Math.max(0, sim[t]);
                cumulative[i][t] = sum;
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder walk = new StringBuilder();
        for (int w = 0; w < perItem; w++) {
            context.checkCancelled();
            for (int start = 0; start < items; start++) {
                if (cumulative[start].length == 0) {
                    continue;
                }
                walk.setLength(0);
                int item = start;
                for (int step = 0; step < settings.walkLength() && cumulative[item].length > 0; step++) {
                    walk.append(step == 0 ? "i" : " i").append(item);
                    float[] c = cumulative[item];
                    float pick = random.nextFloat() * c[c.length - 1];
                    int t = 0;
                    while (t < c.length - 1 && c[t] < pick) {
                        t++;
                    }
                    item = knn.neighbourOf[item][t];
                }
                out.add(walk.toString());
            }
        }
        return out;
    }

    private static void normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float s = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < v.length; k++) {
                v[k] *= s;
            }
        }
    }

    @Override
    public void score(int[] history, float[] scores) {
        cosines(userVector(history), scores);
    }

    /** A user as the unit-length mean of their items' vectors. */
    float[] userVector(int[] history) {
        int d = dimensions;
        float[] user = new float[d];
        for (int i : history) {
            for (int k = 0; k < d; k++) {
                user[k] += vectors[i * d + k];
            }
        }
        normalise(user);
        return user;
    }

    @Override
    public void similarTo(int item, float[] scores) {
        int d = dimensions;
        cosines(Arrays.copyOfRange(vectors, item * d, (item + 1) * d), scores);
    }

    private void cosines(float[] unit, float[] scores) {
        int d = dimensions;
        for (int j = 0; j < items; j++) {
            float s = 0;
            for (int k = 0; k < d; k++) {
                s += unit[k] * vectors[j * d + k];
            }
            scores[j] = s;
        }
    }

    @Override
    public void save(ColumnFolderWriter out) {
        out.floats(VECTORS, vectors, vectors.length);
        out.ints(SHAPE, new int[]{items}, 1);
    }
}
