package io.igw.engine.recommenders;

import java.util.List;

/** A trained recommender that scores sessions in batches (one matrix product per batch): one user is a batch of one. */
abstract class BatchScoredRecommender extends TrainedRecommender {
    BatchScoredRecommender(ModelProvenance provenance) {
        super(provenance);
    }

    @Override
    public final void score(int[] history, float[] scores) {
        score(Session.ofItems(history), scores);
    }

    @Override
    public final void score(Session session, float[] scores) {
        score(List.of(session), new float[][]{scores});
    }

    @Override
    public abstract void score(List<Session> sessions, float[][] scores);
}
