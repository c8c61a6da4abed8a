package io.igw.engine.models;

import io.igw.engine.task.JobContext;

/** A model that learns from interactions and scores every item for a user; higher is more likely. */
public interface Recommender {
    /** The model's name on the command line: pop, itemknn, ease... */
    String name();

    /** The model's parameters as {@code key=value,...}, stored with its results. */
    default String parameters() {
        return "";
    }

    void fit(Interactions train, JobContext context) throws Exception;

    /** Fills {@code scores} (one per item) for user u; items the user already has are masked by the caller. */
    void score(int user, float[] scores);
}
