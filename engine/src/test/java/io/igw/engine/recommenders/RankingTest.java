package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Full ranking by hand: training items are masked, users without held-out items are skipped, coverage counts. */
class RankingTest {
    @Test
    void masksTrainingItemsAndCountsCoverage() throws Exception {
        // items 0 and 1 are each chosen twice, item 2 once, item 3 never
        Interactions train = Interactions.ofRows(4, new int[][]{{0}, {1}, {0, 1, 2}});
        int[][] test = {{1}, {2}, {}};
        Recommender pop = new Popularity.Trainer().train(train, Training.quiet(1));
        Map<String, Double> at1 = Ranking.measure(pop, train, test, 1, null);
        // user 0 (has 0): item 1 (2 users) ranks first, a hit; user 1 (has 1): item 0 ranks first, a miss
        assertEquals(0.5, at1.get("recall@1"), 1e-12);
        assertEquals(0.5, at1.get("precision@1"), 1e-12);
        assertEquals(0.5, at1.get("ndcg@1"), 1e-12);
        assertEquals(0.5, at1.get("hr@1"), 1e-12);
        assertEquals(0.5, at1.get("mrr@1"), 1e-12);
        assertEquals(2.0 / 4, at1.get("coverage@1"), 1e-12, "items 1 and 0 are recommended to someone");

        Map<String, Double> at2 = Ranking.measure(pop, train, test, 2, null);
        // user 1's list is item 0, then item 2: a hit at rank 2, so ndcg = (1/log2 3) / 1 and mrr = 1/2
        assertEquals(1.0, at2.get("recall@2"), 1e-12);
        assertEquals((1 + 1 / (Math.log(3) / Math.log(2))) / 2, at2.get("ndcg@2"), 1e-12);
        assertEquals((1 + 0.5) / 2, at2.get("mrr@2"), 1e-12);
        assertEquals(3.0 / 4, at2.get("coverage@2"), 1e-12);
    }
}
