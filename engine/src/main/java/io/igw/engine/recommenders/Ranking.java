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
    static final int CHUNK = 256;

    private Ranking() {
    }

    public static Map<String, Double> measure(Scorer r, Interactions train, int[][] test, int k, JobContext context) {
        return measure(r, train, test, new int[]{k}, context);
    }

    /** The figures at each of {@code cutoffs}, from one scoring of every user. */
    public static Map<String, Double> measure(Scorer r, Interactions train, int[][] test, int[] cutoffs, JobContext context) {
        int cuts = cutoffs.length;
        int deepest = java.util.Arrays.stream(cutoffs).max().orElseThrow();
        boolean[][] recommended = new boolean[cuts][train.items()];
        double[] recall = new double[cuts];
        double[] precision = new double[cuts];
        double[] ndcg = new double[cuts];
        double[] hr = new double[cuts];
        double[] mrr = new double[cuts];
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
                int[] top = Metrics.topK(scores[c], deepest);
                for (int at = 0; at < cuts; at++) {
                    int k = cutoffs[at];
                    for (int n = 0; n < Math.min(k, top.length); n++) {
                        recommended[at][top[n]] = true;
                    }
                    Metrics.AtK m = Metrics.of(top, test[u], k);
                    recall[at] += m.recall();
                    precision[at] += m.precision();
                    ndcg[at] += m.ndcg();
                    hr[at] += m.hr();
                    mrr[at] += m.mrr();
                }
                users++;
            }
        }
        int n = Math.max(1, users);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int at = 0; at < cuts; at++) {
            int k = cutoffs[at];
            int covered = 0;
            for (boolean b : recommended[at]) {
                covered += b ? 1 : 0;
            }
            out.put("recall@" + k, recall[at] / n);
            out.put("ndcg@" + k, ndcg[at] / n);
            out.put("precision@" + k, precision[at] / n);
            out.put("hr@" + k, hr[at] / n);
            out.put("mrr@" + k, mrr[at] / n);
            out.put("coverage@" + k, (double) covered / Math.max(1, train.items()));
        }
        return out;
    }
}
