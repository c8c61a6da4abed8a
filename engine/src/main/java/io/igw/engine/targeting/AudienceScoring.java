package io.igw.engine.targeting;

import io.igw.engine.activity.SessionCounts;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Scores every user for a set of targeted facets and ranks them: a user's interest is the share of their sessions
 * that went to a targeted facet ({@link SessionCounts}; with several targets, {@code union} weighs what went to any
 * of them, else their weights are summed, at most 1); anyone who touched an excluded facet, or whom
 * {@code allowed} turns away, is out. With purchase propensities the score blends them in with {@code weight}.
 * One pass over the compressed rows and one primitive sort: about a second's work for a million users at most.
 */
public final class AudienceScoring {
    /** Users (by number) best first, with their scores. */
    public record Ranked(int[] users, float[] scores) {
        public int size() {
            return users.length;
        }

        /** How many users score at least {@code threshold}. */
        public int atLeast(double threshold) {
            int lo = 0;
            int hi = scores.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (scores[mid] >= threshold) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private AudienceScoring() {
    }

    /**
     * @param include    which facets are targeted, by facet number
     * @param exclude    which facets exclude a user who touched them
     * @param propensity each user's purchase propensity in [0, 1], or null
     * @param weight     the propensity's share of the score (0: interest alone)
     */
    public static Ranked rank(SessionCounts counts, boolean[] include, boolean[] exclude, IntPredicate allowed,
                              float[] propensity, double weight) {
        return rank(counts, include, exclude, allowed, null, propensity, weight);
    }

    /** @param union a user's session weight on any target, asked only of users with a hit; or null */
    public static Ranked rank(SessionCounts counts, boolean[] include, boolean[] exclude, IntPredicate allowed,
                              java.util.function.IntToDoubleFunction union, float[] propensity, double weight) {
        int users = counts.users();
        long[] keys = new long[users];
        int n = 0;
        for (int u = 0; u < users; u++) {
            int sessions = counts.sessions(u);
            if (sessions == 0) {
                continue;
            }
            float hits = 0;
            boolean out = false;
            for (int k = counts.rowStart(u), end = counts.rowEnd(u); k < end; k++) {
                int f = counts.facet(k);
                if (include[f]) {
                    hits += counts.weight(k);
                } else if (exclude[f]) {
                    out = true;
                    break;
                }
            }
            if (hits == 0 || out || (allowed != null && !allowed.test(u))) {
                continue;
            }
            if (union != null) {
                hits = (float) union.applyAsDouble(u);
            }
            float interest = Math.min(1f, hits / sessions);
            float score = propensity == null ? interest
                    : (float) ((1 - weight) * interest + weight * (Float.isNaN(propensity[u]) ? 0 : propensity[u]));
            keys[n++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(score)) << 32) | u;
        }
        long[] sorted = Arrays.copyOf(keys, n);
        Arrays.parallelSort(sorted);
        int[] order = new int[n];
        float[] scores = new float[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (sorted[k] & 0xffffffffL);
            scores[k] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (sorted[k] >>> 32));
        }
        return new Ranked(order, scores);
    }
}
