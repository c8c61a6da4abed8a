package io.igw.storage.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a column folder carries a CRC32C: a flipped byte or a truncated file is caught when it is read whole
 * and by {@link ColumnFolder#verify}, and named in one sentence; a folder an older version wrote without checksums
 * still reads.
 */
class ColumnChecksumTest {
    @TempDir
    Path tmp;

    private Path folder(String name) throws Exception {
        Path dir = tmp.resolve(name);
        long[] longs = new long[200_000]; // more than one 1 MiB chunk
        for (int i = 0; i < longs.length; i++) {
            longs[i] = i * 31L;
        }
        try (ColumnFolderWriter w = new ColumnFolderWriter(dir)) {
            w.longs("l", longs, longs.length);
            w.ints("i", new int[]{1, 2, 3}, 3);
            w.floats("f", new float[]{0.5f, 2f}, 2);
            w.bytes("b", new byte[]{7, 8, 9, 10}, 4);
            w.strings("s", new String[]{"挂耳咖啡", "tent"});
            try (ColumnFolderWriter.Appender a = w.appender("a", ColumnType.LONG)) {
                for (long v = 0; v < 1000; v++) {
                    a.add(v * v);
                }
            }
            Files.writeString(w.file("network.bin"), "a serialised network");
            try (ColumnFolderWriter inner = new ColumnFolderWriter(w.file("inner"))) {
                inner.ints("x", new int[]{42}, 1);
                inner.commit();
            }
            w.commit();
        }
        return dir;
    }

    /** Each file of the folder and how its whole read is done. */
    private static final List<String> FILES = List.of("l.i64", "i.i32", "f.f32", "b.i8", "s.str", "a.i64", "network.bin");

    private static void readWhole(ColumnFolder f, String file) {
        switch (file) {
            case "l.i64" -> f.longs("l");
            case "i.i32" -> f.ints("i");
            case "f.f32" -> f.floats("f");
            case "b.i8" -> f.bytes("b");
            case "s.str" -> f.strings("s");
            case "a.i64" -> f.longs("a");
            default -> f.file(file);
        }
    }

    @Test
    void aWholeFolderVerifiesAndReadsBack() throws Exception {
        Path dir = folder("ok");
        ColumnFolder f = ColumnFolder.open(dir);
        assertTrue(f.hasChecksums());
        ColumnFolder.Check c = f.verify();
        assertTrue(c.healthy(), c.damaged().toString());
        assertEquals(FILES.size() + 1, c.files(), "every file, and the nested folder's one");
        assertEquals(0, c.withoutChecksums());
        for (String file : FILES) {
            readWhole(f, file);
        }
        assertEquals(999L * 999L, f.longs("a")[999]);
    }

    @Test
    void everyFlippedByteAndEveryTruncationIsCaughtAndNamed() throws Exception {
        Random random = new Random(18);
        int damagedFiles = 0;
        int caughtOnRead = 0;
        int caughtByVerify = 0;
        for (String file : FILES) {
            for (String how : List.of("flip", "truncate")) {
                Path dir = folder(file + "-" + how);
                Path target = dir.resolve(file);
                long size = Files.size(target);
                try (RandomAccessFile raf = new RandomAccessFile(target.toFile(), "rw")) {
                    if (how.equals("flip")) {
                        long at = (long) (random.nextDouble() * size);
                        raf.seek(at);
                        int b = raf.read();
                        raf.seek(at);
                        raf.write(b ^ (1 << random.nextInt(8)));
                    } else {
                        raf.setLength(Math.max(0, size - 1 - random.nextInt((int) Math.min(size, 64))));
                    }
                }
                damagedFiles++;
                ColumnFolder f = ColumnFolder.open(dir);
                UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readWhole(f, file), file + " " + how);
                DamagedFile d = DamagedFile.in(e);
                assertNotNull(d, e.toString());
                assertEquals(target, d.file());
                assertTrue(d.getMessage().startsWith(target + " is damaged: "), d.getMessage());
                assertTrue(how.equals("flip") ? d.problem().startsWith("its CRC32C checksum does not match")
                        : d.problem().startsWith("it is truncated ("), d.problem());
                caughtOnRead++;
                ColumnFolder.Check c = ColumnFolder.open(dir).verify();
                assertEquals(1, c.damaged().size(), c.damaged().toString());
                assertEquals(target, c.damaged().get(0).file());
                caughtByVerify++;
            }
        }
        System.out.printf("column files damaged: %d (byte flips and truncations), caught on read %d, by verify %d%n",
                damagedFiles, caughtOnRead, caughtByVerify);
        assertEquals(damagedFiles, caughtOnRead);
    }

    @Test
    void aNestedFolderAMissingFileAndAnUnlistedOneAreReported() throws Exception {
        Path dir = folder("nested");
        Files.write(dir.resolve("inner").resolve("x.i32"), new byte[]{0, 0, 0, 43});
        Files.delete(dir.resolve("b.i8"));
        Files.writeString(dir.resolve("stray.i64"), "x");
        List<String> problems = new ArrayList<>();
        ColumnFolder.open(dir).verify().damaged().forEach(d -> problems.add(d.file().getFileName() + ": " + d.problem()));
        assertEquals(List.of("x.i32: its CRC32C checksum does not match the one written with it (a changed byte on disk or a bad copy)",
                "stray.i64: the folder's manifest does not list it", "b.i8: it is missing"), problems);
        assertThrows(UncheckedIOException.class, () -> ColumnFolder.open(dir).bytes("b"));
    }

    @Test
    void aFolderWrittenWithoutChecksumsStillReads() throws Exception {
        Path dir = folder("old");
        Files.delete(dir.resolve(Checksums.FILE));
        Files.delete(dir.resolve("inner").resolve(Checksums.FILE));
        ColumnFolder f = ColumnFolder.open(dir);
        assertEquals(3, f.ints("i").length);
        ColumnFolder.Check c = f.verify();
        assertTrue(c.healthy());
        assertEquals(2, c.withoutChecksums());
        assertArrayEquals(new int[]{42}, ColumnFolder.open(dir.resolve("inner")).ints("x"));
    }

    @Test
    void aDamagedCacheIsRemovedSoThatItIsMadeAgain() throws Exception {
        Path dir = folder("cache");
        assertEquals(3, ColumnFolder.readCache(dir, f -> f.ints("i").length).orElseThrow());
        Files.write(dir.resolve("i.i32"), new byte[]{0, 0, 0, 9, 0, 0, 0, 2, 0, 0, 0, 3});
        assertTrue(ColumnFolder.readCache(dir, f -> f.ints("i").length).isEmpty(), "damaged: not read");
        assertTrue(!Files.exists(dir), "and removed, to be made again");
        assertTrue(ColumnFolder.readCache(dir, f -> 1).isEmpty(), "none: nothing read");
    }
}
