package io.igw.engine.prediction;

import java.util.List;

/**
 * A prediction's outcome: what was predicted how far ahead, the training and test users (and how many had the
 * outcome), the deep model's and the baseline's test metrics, every user's scores (model and baseline) as of the end
 * of the log, and the
 * users most at risk with their reasons.
 */
public record PredictionResult(Outcome outcome, int horizonDays, long seed, int trainUsers, int trainPositives,
                               int testUsers, int testPositives, int epochs, String userVectors,
                               ClassifierMetrics model, ClassifierMetrics baseline, long[] userIds, float[] scores, float[] baselineScores,
                               List<AtRisk> atRisk, long testCutoff, double seconds) {
    /** A user whose outcome is most likely, the probability, and the behaviour signals behind it. */
    public record AtRisk(long userId, double probability, List<String> reasons) {
    }
}
