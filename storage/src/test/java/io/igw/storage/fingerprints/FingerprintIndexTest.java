package io.igw.storage.fingerprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintIndexTest {
    @TempDir
    Path dir;

    @Test
    void spillingToDiskNeverChangesTheAnswer() throws Exception {
        FingerprintFiles files = new FingerprintFiles(dir);
        Files.createDirectories(files.scratchDir(1));
        Random random = new Random(1);
        Set<Long> truth = new HashSet<>();
        // 64 slots spill every 32 new values: tens of runs and several merges
        try (FingerprintIndex index = new FingerprintIndex(List.of(), files.scratchDir(1), files.fileOf(1), 64)) {
            for (int i = 0; i < 5000; i++) {
                long v = random.nextInt(3000) - 1500; // repeats, negatives and zero
                assertEquals(truth.add(v), index.addIfAbsent(v), "value " + v);
            }
            index.commit();
        }
        assertEquals(truth.size() * 8L, dir.resolve("1.fp").toFile().length());

        try (FingerprintIndex next = files.openIndex(2, List.of(1))) {
            for (long v : truth) {
                assertFalse(next.addIfAbsent(v), "earlier dataset's value " + v);
            }
            assertTrue(next.addIfAbsent(1_000_000L));
        }
    }

    @Test
    void retainOnlyRemovesFilesOfUnfinishedDatasets() throws Exception {
        FingerprintFiles files = new FingerprintFiles(dir);
        try (FingerprintIndex a = files.openIndex(1, List.of())) {
            a.addIfAbsent(5);
            a.commit();
        }
        try (FingerprintIndex b = files.openIndex(2, List.of())) {
            b.addIfAbsent(6);
            b.commit();
        }
        Files.createDirectories(dir.resolve("importing-3"));

        files.retainOnly(List.of(1));

        assertTrue(Files.exists(dir.resolve("1.fp")));
        assertFalse(Files.exists(dir.resolve("2.fp")));
        assertFalse(Files.exists(dir.resolve("importing-3")));
    }
}
