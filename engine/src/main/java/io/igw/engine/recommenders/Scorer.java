package io.igw.engine.recommenders;

/** Scores every item for a user from the user's history alone: a trained model, or one still learning. */
public interface Scorer {
    /** How many items are scored (the length of {@link #score}'s array). */
    int items();

    /**
     * Fills {@code scores} (one per item) for a user whose items are {@code history} (ascending item indices);
     * the caller masks the history itself. Higher scores are more likely.
     */
    void score(int[] history, float[] scores);
}
