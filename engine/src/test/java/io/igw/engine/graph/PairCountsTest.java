package io.igw.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairCountsTest {
    @Test
    void countsEveryPairLikeAMapThroughGrowthAndDrainsThemSorted() {
        PairCounts counts = new PairCounts(4);
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 200_000; k++) {
            long key = ((long) random.nextInt(3000) << 32) | (3000 + random.nextInt(2000));
            int delta = random.nextInt(5) == 0 ? -1 : 1;
            counts.add(key, delta);
            expected.merge(key, delta, Integer::sum);
        }
        assertEquals(expected.size(), counts.size());
        for (Map.Entry<Long, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), counts.get(e.getKey()));
        }
        assertEquals(0, counts.get(7L << 32 | 1), "a pair never added counts 0");
        PairCounts.Drained drained = counts.drain();
        assertEquals(expected.size(), drained.size());
        for (int i = 0; i < drained.size(); i++) {
            assertTrue(i == 0 || drained.keys()[i - 1] < drained.keys()[i], "sorted and distinct at " + i);
            assertEquals(expected.get(drained.keys()[i]), drained.counts()[i]);
        }
    }

    @Test
    void aKeyThatIsNotAPairIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PairCounts(4).add(0, 1));
    }
}
