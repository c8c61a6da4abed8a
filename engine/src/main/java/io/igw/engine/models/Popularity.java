package io.igw.engine.models;

import io.igw.engine.task.JobContext;

/** Recommends what most users interacted with: the baseline every model has to beat. */
public final class Popularity implements Recommender {
    private float[] counts = new float[0];

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public void fit(Interactions train, JobContext context) {
        counts = new float[train.items()];
        for (int k = 0; k < train.size(); k++) {
            counts[train.items[k]]++;
        }
    }

    @Override
    public void score(int user, float[] scores) {
        System.arraycopy(counts, 0, scores, 0, counts.length);
    }
}
