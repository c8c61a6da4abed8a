package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.errors.MemoryNeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every model kind estimates what its training needs from the data's size, growing with users, items and
 * interactions; at Taobao's size (1M users, 4M items, 100M events) the estimates say which kinds fit a 16 GB heap on
 * a 24 GB machine (8 GB beside the heap for ND4J's native buffers).
 * ({@code igw bench memory} checks the estimates against real trainings.)
 */
class TrainingMemoryTest {
    private static final double GB = 1024.0 * 1024 * 1024;

    private static MemoryNeed need(String kind, int users, int items, long pairs) {
        return ModelCatalog.trainer(kind, null).memoryToTrain(users, items, pairs, 0);
    }

    private static double total(MemoryNeed n) {
        return n.heapBytes() + (double) n.nativeBytes();
    }

    @Test
    void everyKindsEstimateGrowsWithTheData() {
        for (String kind : ModelCatalog.names()) {
            double small = total(need(kind, 1_000, 2_000, 50_000));
            assertTrue(small > 0, kind);
            assertTrue(total(need(kind, 1_000, 8_000, 50_000)) > small, kind + " grows with items"); // below EASE's limit, which hybrid follows
            assertTrue(total(need(kind, 1_000, 2_000, 5_000_000)) >= small, kind + " does not shrink with interactions");
        }
    }

    @Test
    void atTaobaosSizeTheEstimatesSayWhichKindsFitASixteenGigabyteHeap() {
        int users = 1_000_000;
        int items = 4_000_000;
        long events = 100_000_000L;
        Map<String, Boolean> fits = new LinkedHashMap<>();
        double read = Interactions.bytesToRead(users, items, events);
        System.out.printf(Locale.ROOT, "reading the interactions of %,d events: %.1f GB%n", events, read / GB);
        for (String kind : ModelCatalog.names()) {
            MemoryNeed n = need(kind, users, items, events);
            double heap = n.heapBytes() + 3.0 * Interactions.bytesHeld(users, items, events) + 4.0 * Ranking.CHUNK * items;
            boolean fit = Math.max(heap, read) * 0.85 <= 16 * GB && n.nativeBytes() * 0.85 <= (24 - 16) * GB;
            fits.put(kind, fit);
            System.out.printf(Locale.ROOT, "%-12s heap %8.1f GB, native %8.1f GB: %s%n", kind, heap / GB, n.nativeBytes() / GB,
                    fit ? "fits 16 GB" : "refused at 16 GB");
        }
        assertTrue(read < 16 * GB, "the interactions of 100M events are read within 16 GB");
        for (String kind : List.of("pop", "itemknn", "content")) {
            assertEquals(true, fits.get(kind), kind + " trains on the full log");
        }
        assertEquals(false, fits.get("ease"), "EASE's items × items matrix does not fit");
    }
}
