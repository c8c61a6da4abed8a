package io.igw.engine.recommenders;

import io.igw.engine.task.JobContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full ranking: for every user with held-out items, score every item, mask what the user trained on, take the
 * top K and score it against the held-out items; no sampled negatives. Figures are means over those users;
 * coverage is the share of the catalogue that appears in anyone's top K.
 */
public final class Ranking {
    private static final int CHUNK = 256;

    private Ranking() {
    }

    public static Map<String, Double> measure(Scorer r, Interactions train, int[][] test, int k, JobContext context) {
        boolean[] recommended = new boolean[train.items()];
        double recall = 0;
        double precision = 0;
        double ndcg = 0;
        double hr = 0;
        double mrr = 0;
        int users = 0;
        List<Integer> chunk = new ArrayList<>();
        for (int next = 0; next < train.users(); ) {
            // users are scored a chunk at a time, so that a model that scores many sessions at once can
            chunk.clear();
            for (; next < train.users() && chunk.size() < CHUNK; next++) {
                if (test[next].length > 0) {
                    chunk.add(next);
                }
            }
            if (context != null) {
                context.checkCancelled();
            }
            List<Session> sessions = new ArrayList<>(chunk.size());
            for (int u : chunk) {
                sessions.add(train.session(u));
            }
            float[][] scores = new float[chunk.size()][train.items()];
            r.score(sessions, scores);
            for (int c = 0; c < chunk.size(); c++) {
                int u = chunk.get(c);
                for (int i : sessions.get(c).items()) {
                    scores[c][i] = Float.NEGATIVE_INFINITY;
                }
                int[] top = Metrics.topK(scores[c], k);
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
