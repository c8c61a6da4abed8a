package io.igw.engine.recommenders;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ranking metrics at K for one user's top-K list against their held-out items: recall (hits over all held-out
 * items), precision (hits over K), NDCG (binary gains, the ideal DCG over min(K, held-out)), hit rate and the
 * reciprocal rank of the first hit.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Figures as the registry and the evaluations store them: a flat JSON object, six decimals. */
    static String json(Map<String, Double> figures) {
        return figures.entrySet().stream().map(e -> String.format(Locale.ROOT, "\"%s\":%.6f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** One user's figures: recall, precision, ndcg, hr, mrr. */
    public record AtK(double recall, double precision, double ndcg, double hr, double mrr) {
    }

    /** @param ranked the top-K items, best first; @param heldOut ascending held-out items (non-empty) */
    public static AtK of(int[] ranked, int[] heldOut, int k) {
        int hits = 0;
        double dcg = 0;
        double rr = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (Arrays.binarySearch(heldOut, ranked[r]) >= 0) {
                hits++;
                dcg += 1 / log2(r + 2);
                if (rr == 0) {
                    rr = 1.0 / (r + 1);
                }
            }
        }
        double idcg = 0;
        for (int r = 0; r < Math.min(k, heldOut.length); r++) {
            idcg += 1 / log2(r + 2);
        }
        return new AtK((double) hits / heldOut.length, (double) hits / k, dcg / idcg, hits > 0 ? 1 : 0, rr);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The K best-scoring items, best first (ties by lower item), skipping masked items (scored NEGATIVE_INFINITY). */
    public static int[] topK(float[] scores, int k) {
        int[] heap = new int[k];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s == Float.NEGATIVE_INFINITY || Float.isNaN(s)) {
                continue;
            }
            if (n < k) {
                heap[n++] = i;
                siftUp(heap, n - 1, scores);
            } else if (better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, n, scores);
            }
        }
        int[] out = Arrays.copyOf(heap, n);
        Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> better(a, b, scores) ? -1 : better(b, a, scores) ? 1 : 0);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** Whether item a ranks above item b. */
    private static boolean better(int a, int b, float[] s) {
        return s[a] > s[b] || s[a] == s[b] && a < b;
    }

    // a min-heap by rank: the root is the worst of the K kept
    private static void siftUp(int[] h, int i, float[] s) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (better(h[p], h[i], s)) {
                int t = h[p];
                h[p] = h[i];
                h[i] = t;
                i = p;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] h, int n, float[] s) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < n && better(h[worst], h[l], s)) {
                worst = l;
            }
            if (r < n && better(h[worst], h[r], s)) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            int t = h[i];
            h[i] = h[worst];
            h[worst] = t;
            i = worst;
        }
    }
}
