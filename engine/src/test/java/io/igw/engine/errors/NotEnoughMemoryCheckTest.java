package io.igw.engine.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A job is refused when its heap or its native need clearly exceeds what the JVM may use, and says which. */
class NotEnoughMemoryCheckTest {
    private static final long GB = 1L << 30;

    @Test
    void aNeedThatFitsBothLimitsPasses() {
        NotEnoughMemory.check("x", new MemoryNeed(GB, GB), 2 * GB, 16 * GB);
        // an estimate just over the heap is not refused: estimates are upper bounds
        NotEnoughMemory.check("x", MemoryNeed.heap(2 * GB + GB / 10), 2 * GB, 16 * GB);
    }

    @Test
    void aHeapNeedOverTheHeapIsRefusedWithTheHeapToAskFor() {
        NotEnoughMemory e = assertThrows(NotEnoughMemory.class,
                () -> NotEnoughMemory.check("training of the ease model", MemoryNeed.heap(5 * GB), 2 * GB, 16 * GB));
        assertEquals("There is not enough memory for the training of the ease model: it needs about 5.0 GB and the workbench has 2.0 GB.",
                e.getMessage());
        assertEquals("7g", e.suggestedHeapSetting());
    }

    @Test
    void aNativeNeedOverWhatTheMachineHasBesideTheHeapIsRefusedWithoutAskingForMoreHeap() {
        NotEnoughMemory e = assertThrows(NotEnoughMemory.class,
                () -> NotEnoughMemory.check("training of the sequence model", new MemoryNeed(GB / 2, 6 * GB), 12 * GB, 16 * GB));
        assertEquals("There is not enough memory for the training of the sequence model: it needs about 6.0 GB outside the Java "
                + "heap (for its network) and this machine has 4.0 GB beside the workbench's heap.", e.getMessage());
        assertTrue(e.outsideHeap());
        assertTrue(e.withRemedy("Run it again with more: IGW_HEAP=8g").endsWith(NotEnoughMemory.OUTSIDE_HEAP),
                "more heap would leave less beside it");
        NotEnoughMemory.check("the same with a smaller heap", new MemoryNeed(GB / 2, 6 * GB), 8 * GB, 16 * GB);
    }

    @Test
    void aNeedBeyondTheMachineSaysSoInsteadOfSuggestingAHeap() {
        NotEnoughMemory e = assertThrows(NotEnoughMemory.class,
                () -> NotEnoughMemory.check("x", MemoryNeed.heap(40 * GB), 12 * GB, 24 * GB));
        assertTrue(e.beyondMachine());
        assertTrue(e.withRemedy("IGW_HEAP").endsWith(NotEnoughMemory.BEYOND_MACHINE), e.withRemedy("IGW_HEAP"));
    }

    @Test
    void estimatesSaturateInsteadOfOverflowing() {
        MemoryNeed huge = MemoryNeed.heap(1e30).plusNative(1e30);
        assertTrue(huge.heapBytes() > 0 && huge.nativeBytes() > 0);
        assertThrows(NotEnoughMemory.class, () -> NotEnoughMemory.check("x", huge, 2 * GB, 16 * GB));
    }
}
