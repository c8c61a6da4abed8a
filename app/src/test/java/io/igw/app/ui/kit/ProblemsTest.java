package io.igw.app.ui.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.errors.NotEnoughMemory;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void runningOutOfMemoryReadsAsOneSentenceWithTheHeapToStartWith() {
        String refused = Problems.describe(assertThrowsNotEnough());
        assertTrue(refused.startsWith("There is not enough memory for the graph build: it needs about "), refused);
        assertTrue(refused.contains("start it with more: IGW_HEAP=") || refused.contains(NotEnoughMemory.BEYOND_MACHINE), refused);

        String ranOut = Problems.describe(new OutOfMemoryError("Java heap space"));
        assertTrue(ranOut.startsWith("Ran out of memory (workbench): the workbench has "), ranOut);
        assertTrue(!ranOut.contains("OutOfMemoryError") && !ranOut.contains("Java heap space"), ranOut);
    }

    private static NotEnoughMemory assertThrowsNotEnough() {
        try {
            NotEnoughMemory.check("graph build", Runtime.getRuntime().maxMemory() * 2);
        } catch (NotEnoughMemory e) {
            return e;
        }
        throw new AssertionError("twice the heap was not refused");
    }
}
