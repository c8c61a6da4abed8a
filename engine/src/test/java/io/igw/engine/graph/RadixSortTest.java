package io.igw.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RadixSortTest {
    @Test
    void sortsLikeArraysSortAndCarriesTheValues() {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            int n = random.nextInt(2000);
            long[] keys = new long[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                // pair keys: two item slots, or small keys, or keys sharing their low bits
                keys[i] = switch (round % 3) {
                    case 0 -> ((long) random.nextInt(1 << 30) << 32) | random.nextInt(1 << 30);
                    case 1 -> random.nextInt(100);
                    default -> (long) random.nextInt(50) << 40;
                };
                values[i] = (int) (keys[i] * 31 % 1_000_003);
            }
            long[] expected = keys.clone();
            Arrays.sort(expected);
            RadixSort.sort(keys, values, n);
            assertArrayEquals(expected, keys);
            for (int i = 0; i < n; i++) {
                assertEquals((int) (keys[i] * 31 % 1_000_003), values[i], "value moved with its key");
            }
        }
    }
}
