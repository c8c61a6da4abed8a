package io.igw.engine.prediction;

import java.util.List;

/**
 * A prediction's outcome: what was predicted how far ahead (per user, or per user and category), the training and
 * test rows (and how many had the outcome), the deep model's and the baseline's test metrics, every row's scores
 * (model and baseline) as of the end of the log, and the
 * users most at risk with their reasons.
 */
public record PredictionResult(Outcome outcome, int horizonDays, boolean byCategory, long seed, int trainUsers, int trainPositives,
                               int testUsers, int testPositives, int epochs, String userVectors,
                               ClassifierMetrics model, ClassifierMetrics baseline, long[] userIds, float[] scores, float[] baselineScores,
                               List<AtRisk> atRisk, long testCutoff, double seconds) {
    /** A user (and category, per category) whose outcome is most likely, the probability, and the signals behind it. */
    public record AtRisk(long userId, String category, double probability, List<String> reasons) {
    }
}
