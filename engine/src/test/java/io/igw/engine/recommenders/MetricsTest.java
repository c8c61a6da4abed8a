package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The metrics against examples worked by hand. */
class MetricsTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_4 = 2;
    private static final double LOG2_6 = Math.log(6) / Math.log(2);

    @Test
    void hitsAtRanksOneAndThreeOfFive() {
        // top 5: 7, 2, 9, 4, 1; held out: 7, 9, 11
        Metrics.AtK m = Metrics.of(new int[]{7, 2, 9, 4, 1}, new int[]{7, 9, 11}, 5);
        assertEquals(2.0 / 3, m.recall(), 1e-12);
        assertEquals(2.0 / 5, m.precision(), 1e-12);
        double dcg = 1 / 1.0 + 1 / LOG2_4;               // ranks 1 and 3
        double idcg = 1 / 1.0 + 1 / LOG2_3 + 1 / LOG2_4; // three held-out items fit in the top 5
        assertEquals(dcg / idcg, m.ndcg(), 1e-12);
        assertEquals(1, m.hr());
        assertEquals(1.0, m.mrr(), 1e-12);
    }

    @Test
    void aSingleLateHitAndAMiss() {
        Metrics.AtK late = Metrics.of(new int[]{1, 2, 3, 4, 5}, new int[]{5}, 5);
        assertEquals(1.0, late.recall(), 1e-12);
        assertEquals(0.2, late.precision(), 1e-12);
        assertEquals(1 / LOG2_6 / 1.0, late.ndcg(), 1e-12);  // a hit at rank r gains 1/log2(r+1); ideal: rank 1
        assertEquals(0.2, late.mrr(), 1e-12);
        Metrics.AtK miss = Metrics.of(new int[]{1, 2}, new int[]{3, 4}, 2);
        assertEquals(0, miss.recall());
        assertEquals(0, miss.ndcg());
        assertEquals(0, miss.hr());
        assertEquals(0, miss.mrr());
    }

    @Test
    void moreHeldOutThanKCapsTheIdealDcg() {
        // K = 2, four held out, both top items hit: a perfect list scores NDCG 1 though recall is only 1/2
        Metrics.AtK m = Metrics.of(new int[]{3, 8}, new int[]{1, 3, 5, 8}, 2);
        assertEquals(0.5, m.recall(), 1e-12);
        assertEquals(1.0, m.ndcg(), 1e-12);
        assertEquals(1.0, m.precision(), 1e-12);
    }

    @Test
    void topKRanksByScoreThenItemAndSkipsMaskedItems() {
        float[] scores = {0.5f, 0.9f, Float.NEGATIVE_INFINITY, 0.9f, 0.1f, 0.7f};
        assertArrayEquals(new int[]{1, 3, 5}, Metrics.topK(scores, 3));
        assertArrayEquals(new int[]{1, 3, 5, 0, 4}, Metrics.topK(scores, 10));
    }

    @Test
    void splitsKeepEveryInteractionOnceAndAtLeastOneForTraining() {
        Interactions all = Interactions.ofRows(10, new int[][]{{0, 1, 2, 3, 4}, {5}, {6, 7}, {0, 2, 4, 6, 8, 9}});
        for (Split.Kind kind : Split.Kind.values()) {
            Split s = Split.of(all, kind, 0.8, 7);
            for (int u = 0; u < all.users(); u++) {
                int train = s.train().rowLength(u);
                assertEquals(all.rowLength(u), train + s.test()[u].length, kind + " user " + u);
                assertEquals(true, train >= 1, kind + " keeps a training item for user " + u);
            }
            assertEquals(0, s.test()[1].length, "a single interaction has nothing to test");
        }
        assertEquals(1, Split.of(all, Split.Kind.LEAVE_LAST, 0.8, 1).test()[0].length);
        assertEquals(1, Split.of(all, Split.Kind.RANDOM, 0.8, 1).test()[0].length, "20% of 5");
    }

    @Test
    void aSplitJudgedOnASampleRanksExactlyThatManyUsersAndKeepsEveryonesTraining() {
        int[][] rows = new int[50][];
        for (int u = 0; u < rows.length; u++) {
            rows[u] = new int[]{u % 10, (u + 1) % 10, (u + 3) % 10};
        }
        Split s = Split.of(Interactions.ofRows(10, rows), Split.Kind.LEAVE_LAST, 0.8, 3);
        assertEquals(50, s.judgedUsers());
        Split sample = s.judgedOnAtMost(20, 9);
        assertEquals(20, sample.judgedUsers());
        assertEquals(s.train(), sample.train(), "everyone keeps what they learn from");
        for (int u = 0; u < rows.length; u++) {
            int[] kept = sample.test()[u];
            assertEquals(true, kept.length == 0 || java.util.Arrays.equals(kept, s.test()[u]), "user " + u + "'s hold-out is theirs");
        }
        assertEquals(java.util.Arrays.deepToString(sample.test()), java.util.Arrays.deepToString(s.judgedOnAtMost(20, 9).test()), "seeded");
        assertEquals(s, s.judgedOnAtMost(50, 9), "no sample when all fit");
    }
}
