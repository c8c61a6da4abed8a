package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.graph.ItemFeatures;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Content-based: items are vectors of the interest graph's features (categories, brand, tags), weighted by IDF and
 * scaled to unit length; a user's profile is the unit-length sum of their items' vectors, so it holds their
 * category, tag and brand interests; items score by cosine to the profile. Items with the very same features would
 * tie, so a hair of popularity (the nudge, 0.001 × the item's log-popularity share) orders them.
 */
public final class ContentBased extends TrainedRecommender {
    /**
     * The item features used (the interest graph's categories, brand and tags), their weighting, and the popularity
     * nudge that orders items with the same features. The first two are what this release does, recorded so that a
     * stored model says how it was made.
     */
    public record Settings(String features, String weighting, float nudge) implements ModelSettings {
        public static Settings standard() {
            return new Settings("category+brand+tag", "idf", 1e-3f);
        }
    }

    /** Reads the graph's item features and weights them; needs the workspace for its catalogue. */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        private final Workspace workspace;

        public Trainer(Workspace workspace, Settings settings) {
            super("content", settings);
            this.workspace = workspace;
        }

        /** Each item's weighted features and each user's profile over them. */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            return MemoryNeed.heap(1024.0 * items + 512.0 * users + 16.0 * pairs);
        }

        @Override
        protected Recommender fit(Interactions train, Training training, Stamp stamp) {
            training.context().progress(0, "reading the graph's item features");
            ItemFeatures features = ItemFeatures.load(workspace);
            int items = train.items();
            String[] names = new String[features.size()];
            for (int f = 0; f < names.length; f++) {
                names[f] = features.name(f);
            }
            int[] start = new int[items + 1];
            for (int i = 0; i < items; i++) {
                start[i + 1] = start[i] + features.of(train.itemId(i)).length;
            }
            int[] feature = new int[start[items]];
            float[] weight = new float[start[items]];
            int[] documents = new int[names.length];
            for (int i = 0; i < items; i++) {
                int[] f = features.of(train.itemId(i));
                System.arraycopy(f, 0, feature, start[i], f.length);
                System.arraycopy(features.weightsOf(train.itemId(i)), 0, weight, start[i], f.length);
                for (int x : f) {
                    documents[x]++;
                }
            }
            for (int i = 0; i < items; i++) {
                double norm = 0;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    weight[k] *= (float) Math.log((1.0 + items) / (1.0 + documents[feature[k]]));
                    norm += weight[k] * weight[k];
                }
                for (int k = start[i]; k < start[i + 1] && norm > 0; k++) {
                    weight[k] /= (float) Math.sqrt(norm);
                }
            }
            int[] counts = train.itemCounts();
            double most = Math.log1p(Arrays.stream(counts).max().orElse(0));
            float[] nudge = new float[items];
            for (int i = 0; i < items; i++) {
                nudge[i] = most == 0 ? 0 : (float) (settings().nudge() * Math.log1p(counts[i]) / most);
            }
            training.context().progress(1, names.length + " item features");
            return new ContentBased(stamp.provenance(), names, start, feature, weight, nudge);
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            return new ContentBased(provenance, in.strings(NAMES), in.ints(START), in.ints(FEATURE), in.floats(WEIGHT),
                    in.floats(NUDGE));
        }
    }

    private static final String NAMES = "feature_names";
    private static final String START = "start";
    private static final String FEATURE = "feature";
    private static final String WEIGHT = "weight";
    private static final String NUDGE = "nudge";

    private final String[] names;
    private final int[] start;
    private final int[] feature;
    private final float[] weight;
    private final float[] nudge;

    private ContentBased(ModelProvenance provenance, String[] names, int[] start, int[] feature, float[] weight, float[] nudge) {
        super(provenance);
        this.names = names;
        this.start = start;
        this.feature = feature;
        this.weight = weight;
        this.nudge = nudge;
    }

    @Override
    public int items() {
        return nudge.length;
    }

    private float[] profile(int[] history) {
        float[] p = new float[names.length];
        for (int i : history) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                p[feature[k]] += weight[k];
            }
        }
        double norm = 0;
        for (float x : p) {
            norm += x * x;
        }
        for (int f = 0; f < p.length && norm > 0; f++) {
            p[f] /= (float) Math.sqrt(norm);
        }
        return p;
    }

    @Override
    public void score(int[] history, float[] scores) {
        float[] p = profile(history);
        for (int j = 0; j < nudge.length; j++) {
            float s = nudge[j];
            for (int k = start[j]; k < start[j + 1]; k++) {
                s += p[feature[k]] * weight[k];
            }
            scores[j] = s;
        }
    }

    /** The user's interests that match the item's features, strongest first. */
    @Override
    public List<List<Reason>> because(int[] history, int[] recommended, int perItem) {
        float[] p = profile(history);
        List<List<Reason>> out = new ArrayList<>();
        for (int j : recommended) {
            List<Reason> reasons = new ArrayList<>();
            for (int k = start[j]; k < start[j + 1]; k++) {
                double w = p[feature[k]] * weight[k];
                if (w > 0) {
                    reasons.add(Reason.interest(names[feature[k]], w));
                }
            }
            reasons.sort((a, b) -> Double.compare(b.weight(), a.weight()));
            out.add(reasons.subList(0, Math.min(perItem, reasons.size())));
        }
        return out;
    }

    @Override
    public void save(ColumnFolderWriter out) {
        out.strings(NAMES, names);
        out.ints(START, start, start.length);
        out.ints(FEATURE, feature, feature.length);
        out.floats(WEIGHT, weight, weight.length);
        out.floats(NUDGE, nudge, nudge.length);
    }
}
