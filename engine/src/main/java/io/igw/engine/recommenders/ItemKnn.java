package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.task.JobContext;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.Arrays;

/**
 * Item-based k-nearest neighbours: item similarity is the cosine of their user columns, shrunk towards zero for
 * items with few users in common (sim = co / (sqrt(n_i·n_j) + shrink)); each item keeps its {@code k} most
 * similar; a user's score for an item sums its similarity to the user's items.
 */
public final class ItemKnn extends TrainedRecommender implements ItemSimilarity {
    /** How many neighbours each item keeps, and the shrinkage of similarities with few users in common. */
    public record Settings(int neighbours, double shrink) implements ModelSettings {
        public static Settings standard() {
            return new Settings(100, 10);
        }
    }

    /** Counts co-occurrences item by item and keeps each item's nearest. */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        public Trainer(Settings settings) {
            super("itemknn", settings);
        }

        /** The item-major copy of the rows, each item's neighbours with their weights, and the counting arrays. */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            return MemoryNeed.heap(4.0 * pairs + items * (8.0 * settings().neighbours() + 112));
        }

        @Override
        protected ItemKnn fit(Interactions train, Training training, Stamp stamp) {
            return neighbours(train, settings(), training.context(), stamp);
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            return new ItemKnn(provenance, Ragged.ints(in, NEIGHBOURS), Ragged.floats(in, NEIGHBOURS, SIMILARITY));
        }
    }

    private static final String NEIGHBOURS = "neighbours";
    private static final String SIMILARITY = "similarity";

    final int[][] neighbourOf;
    final float[][] similarity;

    private ItemKnn(ModelProvenance provenance, int[][] neighbourOf, float[][] similarity) {
        super(provenance);
        this.neighbourOf = neighbourOf;
        this.similarity = similarity;
    }

    /** The item-kNN of {@code train}: also the walks' graph of {@link DeepWalk}. */
    static ItemKnn neighbours(Interactions train, Settings settings, JobContext context, RecommenderTrainer.Stamp stamp) {
        int neighbours = settings.neighbours();
        double shrink = settings.shrink();
        int items = train.items();
        int[] popularity = train.itemCounts();
        // item → users, to count co-occurrences item by item
        int[] colStart = new int[items + 1];
        for (int i = 0; i < items; i++) {
            colStart[i + 1] = colStart[i] + popularity[i];
        }
        int[] users = new int[train.size()];
        int[] fill = Arrays.copyOf(colStart, items);
        for (int u = 0; u < train.users(); u++) {
            for (int k = train.start[u]; k < train.start[u + 1]; k++) {
                users[fill[train.items[k]]++] = u;
            }
        }
        int[][] neighbourOf = new int[items][];
        float[][] similarity = new float[items][];
        int[] co = new int[items];
        int[] touched = new int[items];
        for (int i = 0; i < items; i++) {
            if (i % 256 == 0) {
                context.checkCancelled();
                context.progress((double) i / items, "item similarities " + i + " of " + items);
            }
            int n = 0;
            for (int c = colStart[i]; c < colStart[i + 1]; c++) {
                int u = users[c];
                for (int k = train.start[u]; k < train.start[u + 1]; k++) {
                    int j = train.items[k];
                    if (j != i) {
                        if (co[j] == 0) {
                            touched[n++] = j;
                        }
                        co[j]++;
                    }
                }
            }
            long[] packed = new long[n];
            for (int t = 0; t < n; t++) {
                int j = touched[t];
                float sim = (float) (co[j] / (Math.sqrt((double) popularity[i] * popularity[j]) + shrink));
                packed[t] = ((long) Float.floatToIntBits(sim) << 32) | (0x7fffffffL - j);
                co[j] = 0;
            }
            Arrays.sort(packed);
            int keep = Math.min(neighbours, n);
            neighbourOf[i] = new int[keep];
            similarity[i] = new float[keep];
            for (int t = 0; t < keep; t++) {
                long p = packed[n - 1 - t];
                neighbourOf[i][t] = (int) (0x7fffffffL - (p & 0xffffffffL));
                similarity[i][t] = Float.intBitsToFloat((int) (p >>> 32));
            }
        }
        return new ItemKnn(stamp.provenance(), neighbourOf, similarity);
    }

    @Override
    public int items() {
        return neighbourOf.length;
    }

    @Override
    public void score(int[] history, float[] scores) {
        Arrays.fill(scores, 0);
        for (int i : history) {
            for (int t = 0; t < neighbourOf[i].length; t++) {
                scores[neighbourOf[i][t]] += similarity[i][t];
            }
        }
    }

    @Override
    public void similarTo(int item, float[] scores) {
        Arrays.fill(scores, 0);
        for (int t = 0; t < neighbourOf[item].length; t++) {
            scores[neighbourOf[item][t]] = similarity[item][t];
        }
    }

    @Override
    public void save(ColumnFolderWriter out) {
        Ragged.save(out, NEIGHBOURS, neighbourOf, SIMILARITY, similarity);
    }
}
