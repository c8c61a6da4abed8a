package io.igw.engine.recommenders;

import io.igw.engine.task.JobContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full ranking: for every user with held-out items, score every item, mask what the user trained on, take the
 * top K and score it against the held-out items; no sampled negatives. Figures are means over those users;
 * coverage is the share of the catalogue that appears in anyone's top K.
 */
final class Ranking {
    private Ranking() {
    }

    static Map<String, Double> measure(Scorer r, Interactions train, int[][] test, int k, JobContext context) {
        float[] scores = new float[train.items()];
        boolean[] recommended = new boolean[train.items()];
        double recall = 0;
        double precision = 0;
        double ndcg = 0;
        double hr = 0;
        double mrr = 0;
        int users = 0;
        for (int u = 0; u < train.users(); u++) {
            if (test[u].length == 0) {
                continue;
            }
            if (context != null && u % 256 == 0) {
                context.checkCancelled();
            }
            int[] history = train.row(u);
            r.score(history, scores);
            for (int i : history) {
                scores[i] = Float.NEGATIVE_INFINITY;
            }
            int[] top = Metrics.topK(scores, k);
            for (int i : top) {
                recommended[i] = true;
            }
            Metrics.AtK m = Metrics.of(top, test[u], k);
            recall += m.recall();
            precision += m.precision();
            ndcg += m.ndcg();
            hr += m.hr();
            mrr += m.mrr();
            users++;
        }
        int covered = 0;
        for (boolean b : recommended) {
            covered += b ? 1 : 0;
        }
        int n = Math.max(1, users);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("recall@" + k, recall / n);
        out.put("ndcg@" + k, ndcg / n);
        out.put("precision@" + k, precision / n);
        out.put("hr@" + k, hr / n);
        out.put("mrr@" + k, mrr / n);
        out.put("coverage@" + k, (double) covered / Math.max(1, train.items()));
        return out;
    }
}
