package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.ArrayList;
import java.util.List;

/** Recommends what most users interacted with: the baseline every model has to beat. */
public final class Popularity extends TrainedRecommender {
    /** Popularity has nothing to set. */
    public record Settings() implements ModelSettings {
    }

    /** Counts each item's users. */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        public Trainer() {
            super("pop", new Settings());
        }

        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            return MemoryNeed.heap(16.0 * items);
        }

        @Override
        protected Recommender fit(Interactions train, Training training, Stamp stamp) {
            int[] n = train.itemCounts();
            float[] counts = new float[n.length];
            for (int i = 0; i < n.length; i++) {
                counts[i] = n[i];
            }
            return new Popularity(stamp.provenance(), counts);
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            return new Popularity(provenance, in.floats(COUNTS));
        }
    }

    private static final String COUNTS = "counts";

    private final float[] counts;

    private Popularity(ModelProvenance provenance, float[] counts) {
        super(provenance);
        this.counts = counts;
    }

    @Override
    public int items() {
        return counts.length;
    }

    @Override
    public void score(int[] history, float[] scores) {
        System.arraycopy(counts, 0, scores, 0, counts.length);
    }

    @Override
    public void save(ColumnFolderWriter out) {
        out.floats(COUNTS, counts, counts.length);
    }

    @Override
    public List<List<Reason>> because(int[] history, int[] recommended, int perItem) {
        List<List<Reason>> out = new ArrayList<>();
        for (int item : recommended) {
            out.add(List.of(new Reason(Reason.Kind.POPULAR, -1, "chosen by " + (int) counts[item] + " users", counts[item])));
        }
        return out;
    }
}
