package io.igw.engine.models;

import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.ArrayList;
import java.util.List;

/** Recommends what most users interacted with: the baseline every model has to beat. */
public final class Popularity implements Recommender {
    private float[] counts = new float[0];

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public String parameters() {
        return "";
    }

    @Override
    public void fit(Interactions train, Training training) {
        int[] n = train.itemCounts();
        counts = new float[n.length];
        for (int i = 0; i < n.length; i++) {
            counts[i] = n[i];
        }
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
        out.floats("counts", counts, counts.length);
    }

    @Override
    public void load(ColumnFolder in) {
        counts = in.floats("counts");
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
