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

    /**
     * Fills {@code scores} for a user whose actions so far are {@code session}, in time order. A model that sees a
     * user as a set of items scores the session's distinct items; an order-aware one reads the order, the
     * behaviours and the gaps.
     */
    default void score(Session session, float[] scores) {
        score(session.distinctItems(), scores);
    }

    /** {@link #score(Session, float[])} for many sessions at once ({@code scores[s]} for session s). */
    default void score(java.util.List<Session> sessions, float[][] scores) {
        for (int s = 0; s < sessions.size(); s++) {
            score(sessions.get(s), scores[s]);
        }
    }
}
