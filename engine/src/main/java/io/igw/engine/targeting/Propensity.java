package io.igw.engine.targeting;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.storage.Workspace;
import java.util.Arrays;
import java.util.Locale;

/** Each user's chance of buying soon, from a purchase prediction, for blending into audience scores. */
public record Propensity(String source, long[] userIds, float[] scores) {
    public Propensity {
        if (userIds.length != scores.length) {
            throw new IllegalArgumentException("one score per user");
        }
    }

    /** From the workspace's latest purchase prediction, or null when none has been run. */
    public static Propensity latest(Workspace workspace) {
        return SavedPredictions.latest(workspace, Outcome.PURCHASE).map(s -> new Propensity(String.format(Locale.ROOT,
                "purchase in %d days (test AUC %.3f)", s.horizonDays(), s.testAuc()), s.userIds(), s.probabilities())).orElse(null);
    }

    /** The scores by the log's user numbers; NaN for users the prediction did not score. */
    float[] bySlot(ActivityLog log) {
        float[] out = new float[log.users()];
        Arrays.fill(out, Float.NaN);
        for (int k = 0; k < userIds.length; k++) {
            int u = log.userOf(userIds[k]);
            if (u >= 0) {
                out[u] = scores[k];
            }
        }
        return out;
    }
}
