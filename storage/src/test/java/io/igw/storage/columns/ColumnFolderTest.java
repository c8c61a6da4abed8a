package io.igw.storage.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column folders: every type reads back as written, a folder appears only on commit, leftovers are removed. */
class ColumnFolderTest {
    @TempDir
    Path tmp;

    @Test
    void everyColumnTypeReadsBackAsWritten() {
        Path dir = tmp.resolve("f");
        String[] words = {"挂耳咖啡", "", "trail shoes", "a,b\"c"};
        long[] longs = {Long.MIN_VALUE, 0, 42, Long.MAX_VALUE};
        int[] ints = new int[300_000];   // more than one 1 MiB chunk
        for (int i = 0; i < ints.length; i++) {
            ints[i] = i * 7 - 5;
        }
        try (ColumnFolderWriter w = new ColumnFolderWriter(dir)) {
            w.longs("l", longs, longs.length);
            w.ints("i", ints, ints.length);
            w.floats("f", new float[]{1.5f, -0f, Float.NaN}, 3);
            w.bytes("b", new byte[]{-1, 0, 127}, 3);
            w.strings("s", words);
            w.commit();
        }
        ColumnFolder f = ColumnFolder.open(dir);
        assertArrayEquals(longs, f.longs("l"));
        assertArrayEquals(ints, f.ints("i"));
        assertArrayEquals(new float[]{1.5f, -0f, Float.NaN}, f.floats("f"));
        assertArrayEquals(new byte[]{-1, 0, 127}, f.bytes("b"));
        assertArrayEquals(words, f.strings("s"));
        assertTrue(f.has("s", ColumnType.STRING));
        assertFalse(f.has("s", ColumnType.INT));
    }

    @Test
    void aSliceReadsJustThoseElementsAcrossChunkBoundaries() {
        Path dir = tmp.resolve("slices");
        long[] longs = new long[400_000];   // 3 MB: slices cross the 1 MiB read chunks
        byte[] bytes = new byte[longs.length];
        float[] floats = new float[longs.length];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = i * 31L - 7;
            bytes[i] = (byte) i;
            floats[i] = i / 3f;
        }
        try (ColumnFolderWriter w = new ColumnFolderWriter(dir)) {
            w.longs("l", longs, longs.length);
            w.bytes("b", bytes, bytes.length);
            w.floats("f", floats, floats.length);
            w.commit();
        }
        ColumnFolder f = ColumnFolder.open(dir);
        assertEquals(400_000, f.length("l", ColumnType.LONG));
        assertArrayEquals(java.util.Arrays.copyOfRange(longs, 130_000, 330_001), f.longs("l", 130_000, 200_001));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 399_990, 400_000), f.bytes("b", 399_990, 10));
        assertArrayEquals(java.util.Arrays.copyOfRange(floats, 0, 5), f.floats("f", 0, 5));
        assertThrows(java.io.UncheckedIOException.class, () -> f.longs("l", 399_999, 2), "past the end");
    }

    @Test
    void aFolderNotCommittedLeavesNothing() {
        Path dir = tmp.resolve("g");
        try (ColumnFolderWriter w = new ColumnFolderWriter(dir)) {
            w.ints("i", new int[]{1}, 1);
        }
        assertFalse(ColumnFolder.exists(dir));
        assertFalse(Files.exists(dir));
    }

    @Test
    void aKilledWritersLeftoverIsDeleted() throws Exception {
        Path dir = tmp.resolve("h");
        ColumnFolderWriter w = new ColumnFolderWriter(dir);
        w.ints("i", new int[]{1, 2}, 2);   // as if the process died here: never committed or closed
        ColumnFolderWriter.deleteLeftovers(tmp);
        try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("h")), "the .part folder is gone");
        }
    }
}
