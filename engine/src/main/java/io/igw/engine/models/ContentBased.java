package io.igw.engine.models;

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
 * tie, so a hair of popularity ({@value #POPULARITY_NUDGE} × the item's log-popularity share) orders them.
 */
public final class ContentBased implements Recommender {
    static final float POPULARITY_NUDGE = 1e-3f;

    private final Workspace workspace;
    private String[] names = new String[0];
    private int[] start = new int[1];
    private int[] feature = new int[0];
    private float[] weight = new float[0];
    private float[] nudge = new float[0];

    public ContentBased(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public String parameters() {
        return "features=category+brand+tag,weighting=idf,nudge=" + POPULARITY_NUDGE;
    }

    @Override
    public int items() {
        return nudge.length;
    }

    @Override
    public void fit(Interactions train, Training training) {
        training.context().progress(0, "reading the graph's item features");
        ItemFeatures features = ItemFeatures.load(workspace);
        int items = train.items();
        names = new String[features.size()];
        for (int f = 0; f < names.length; f++) {
            names[f] = features.name(f);
        }
        start = new int[items + 1];
        for (int i = 0; i < items; i++) {
            start[i + 1] = start[i] + features.of(train.itemId(i)).length;
        }
        feature = new int[start[items]];
        weight = new float[start[items]];
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
        nudge = new float[items];
        for (int i = 0; i < items; i++) {
            nudge[i] = most == 0 ? 0 : (float) (POPULARITY_NUDGE * Math.log1p(counts[i]) / most);
        }
        training.context().progress(1, names.length + " item features");
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
        out.strings("feature_names", names);
        out.ints("start", start, start.length);
        out.ints("feature", feature, feature.length);
        out.floats("weight", weight, weight.length);
        out.floats("nudge", nudge, nudge.length);
    }

    @Override
    public void load(ColumnFolder in) {
        names = in.strings("feature_names");
        start = in.ints("start");
        feature = in.ints("feature");
        weight = in.floats("weight");
        nudge = in.floats("nudge");
    }
}
