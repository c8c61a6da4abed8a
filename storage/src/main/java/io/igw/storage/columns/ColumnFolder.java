package io.igw.storage.columns;

import io.igw.storage.IoWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A folder of typed arrays, one file per named column ({@code name.i64}, {@code .i32}, {@code .f32}, {@code .i8},
 * {@code .str}), read whole into primitive arrays. Written by {@link ColumnFolderWriter}, which only makes a folder
 * visible once every column is on disk, so a folder that exists is complete. Every file read whole is checked
 * against the folder's {@link Checksums}: a changed byte or a truncated file raises {@link DamagedFile} (wrapped,
 * as every read failure here is, in an {@link UncheckedIOException}) rather than wrong numbers; {@link #verify}
 * checks the whole folder, slices included.
 */
public final class ColumnFolder {
    private final Path dir;
    /** The folder's manifest, read on first use; null when an older version wrote the folder without one. */
    private Checksums sums;
    private boolean sumsRead;

    private ColumnFolder(Path dir) {
        this.dir = dir;
    }

    public static boolean exists(Path dir) {
        return Files.isDirectory(dir);
    }

    public static ColumnFolder open(Path dir) {
        if (!exists(dir)) {
            throw new UncheckedIOException(new IOException("missing column folder " + dir));
        }
        return new ColumnFolder(dir);
    }

    /**
     * Reads a cache folder (something the workbench can make again from what it has: tags extracted from the
     * catalogue, text vectors, communities): empty when there is none, and when it is damaged too, after removing
     * it, so that the caller makes it again rather than stopping on it.
     */
    public static <T> Optional<T> readCache(Path dir, Function<ColumnFolder, T> read) {
        if (!exists(dir)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(read.apply(open(dir)));
        } catch (UncheckedIOException e) {
            if (DamagedFile.in(e) == null) {
                throw e;
            }
            try {
                ColumnFolderWriter.deleteTree(dir);
            } catch (IOException gone) {
                e.addSuppressed(gone);
                throw e;
            }
            return Optional.empty();
        }
    }

    public Path dir() {
        return dir;
    }

    public boolean has(String name, ColumnType type) {
        return Files.exists(type.file(dir, name));
    }

    public long[] longs(String name) {
        Path file = ColumnType.LONG.file(dir, name);
        long[] a = new long[(int) (size(file) / Long.BYTES)];
        readWhole(file, Long.BYTES, (buf, from, n) -> buf.asLongBuffer().get(a, from, n));
        return a;
    }

    /** How many elements the column holds, from its file's size. */
    public long length(String name, ColumnType type) {
        return size(type.file(dir, name)) / type.width();
    }

    /** Elements [from, from + n) of a long column: a slice read without the rest of the file. */
    public long[] longs(String name, long from, int n) {
        long[] a = new long[n];
        read(ColumnType.LONG.file(dir, name), Long.BYTES, from, n, (buf, at, k) -> buf.asLongBuffer().get(a, at, k));
        return a;
    }

    public byte[] bytes(String name, long from, int n) {
        byte[] a = new byte[n];
        read(ColumnType.BYTE.file(dir, name), 1, from, n, (buf, at, k) -> buf.get(a, at, k));
        return a;
    }

    public float[] floats(String name, long from, int n) {
        float[] a = new float[n];
        read(ColumnType.FLOAT.file(dir, name), Float.BYTES, from, n, (buf, at, k) -> buf.asFloatBuffer().get(a, at, k));
        return a;
    }

    public int[] ints(String name) {
        Path file = ColumnType.INT.file(dir, name);
        int[] a = new int[(int) (size(file) / Integer.BYTES)];
        readWhole(file, Integer.BYTES, (buf, from, n) -> buf.asIntBuffer().get(a, from, n));
        return a;
    }

    public float[] floats(String name) {
        Path file = ColumnType.FLOAT.file(dir, name);
        float[] a = new float[(int) (size(file) / Float.BYTES)];
        readWhole(file, Float.BYTES, (buf, from, n) -> buf.asFloatBuffer().get(a, from, n));
        return a;
    }

    public byte[] bytes(String name) {
        Path file = ColumnType.BYTE.file(dir, name);
        byte[] a = new byte[(int) size(file)];
        readWhole(file, 1, (buf, from, n) -> buf.get(a, from, n));
        return a;
    }

    public String[] strings(String name) {
        ByteBuffer b = readChecked(ColumnType.STRING.file(dir, name));
        String[] a = new String[b.getInt()];
        for (int i = 0; i < a.length; i++) {
            byte[] utf8 = new byte[b.getInt()];
            b.get(utf8);
            a[i] = new String(utf8, StandardCharsets.UTF_8);
        }
        return a;
    }

    /** One direct buffer per thread: the channel reads straight into it, with no hidden copy through the heap. */
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 20));

    /** Copies elements [from, from + n) out of a buffer into an array. */
    @FunctionalInterface
    private interface Chunk {
        void take(ByteBuffer buffer, int from, int n);
    }

    private static long size(Path file) {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than one column may be (2 GiB)");
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a whole file through a 1 MiB buffer, chunk by chunk (no memory mapping, so a build's folder can be
     * deleted at once on every platform, and no second copy of a large column on the heap), checking it against
     * the manifest as it goes.
     */
    private void readWhole(Path file, int width, Chunk chunk) {
        Checksums.Sum written = sum(file);
        CRC32C crc = written == null ? null : new CRC32C();
        long length = read(file, width, 0, -1, crc == null ? chunk : (buf, from, n) -> {
            crc.update(buf.duplicate());
            chunk.take(buf, from, n);
        });
        if (written != null) {
            try {
                Checksums.check(file, written, length, crc.getValue());
            } catch (DamagedFile e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What the manifest says the file was, or null (no manifest, or a file it does not list). */
    private Checksums.Sum sum(Path file) {
        Checksums manifest = manifest();
        Checksums.Sum written = manifest == null ? null : manifest.of(file.getFileName().toString());
        if (written != null && !Files.exists(file)) {
            throw new UncheckedIOException(new DamagedFile(file, "it is missing"));
        }
        if (written != null) {
            long size = size(file);
            if (size < written.length()) {
                // said before reading: a truncated column would otherwise read as a shorter, plausible one
                throw new UncheckedIOException(new DamagedFile(file, String.format(java.util.Locale.ROOT,
                        "it is truncated (%,d of its %,d bytes are there)", size, written.length())));
            }
        }
        return written;
    }

    /**
     * A file of another format kept in the folder (a serialised network), checked whole against the manifest
     * before its path is handed out.
     */
    public Path file(String name) {
        Path file = dir.resolve(name);
        Checksums.Sum written = sum(file);
        if (written != null) {
            try {
                Checksums.Sum now = Checksums.compute(file);
                Checksums.check(file, written, now.length(), now.crc());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    private Checksums manifest() {
        if (!sumsRead) {
            sums = Checksums.of(dir);
            sumsRead = true;
        }
        return sums;
    }

    /** Whether the folder has a manifest to check against (older versions wrote none). */
    public boolean hasChecksums() {
        return manifest() != null;
    }

    /**
     * What checking a folder found: the files read and their bytes, the folders (this and those nested) that had no
     * manifest to check against, and what is damaged.
     */
    public record Check(int files, long bytes, int withoutChecksums, List<DamagedFile> damaged) {
        public boolean healthy() {
            return damaged.isEmpty();
        }
    }

    /**
     * Checks every file the manifest lists, and every folder nested inside, by reading each whole. Files in the
     * folder that the manifest does not list are reported too; a folder written without a manifest (by an older
     * version) has nothing to check against and is counted as such.
     */
    public Check verify() {
        IoWatch.touching("checking " + dir);
        List<DamagedFile> damaged = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        int without = 0;
        Checksums manifest = null;
        try {
            manifest = Checksums.of(dir);
        } catch (UncheckedIOException e) {
            damaged.add(e.getCause() instanceof DamagedFile d ? d : new DamagedFile(dir.resolve(Checksums.FILE), "it cannot be read"));
        }
        if (manifest == null && damaged.isEmpty()) {
            without++;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    Check inner = ColumnFolder.open(p).verify();
                    files += inner.files();
                    bytes += inner.bytes();
                    without += inner.withoutChecksums();
                    damaged.addAll(inner.damaged());
                } else if (manifest != null && !name.equals(Checksums.FILE) && manifest.of(name) == null) {
                    damaged.add(new DamagedFile(p, "the folder's manifest does not list it"));
                }
            }
            if (manifest != null) {
                for (Map.Entry<String, Checksums.Sum> e : manifest.all().entrySet()) {
                    Path file = dir.resolve(e.getKey());
                    if (!Files.exists(file)) {
                        damaged.add(new DamagedFile(file, "it is missing"));
                        continue;
                    }
                    Checksums.Sum now = Checksums.compute(file);
                    files++;
                    bytes += now.length();
                    try {
                        Checksums.check(file, e.getValue(), now.length(), now.crc());
                    } catch (DamagedFile d) {
                        damaged.add(d);
                    }
                }
            }
        } catch (IOException e) {
            damaged.add(new DamagedFile(dir, "it cannot be read (" + e.getMessage() + ")"));
        }
        return new Check(files, bytes, without, List.copyOf(damaged));
    }

    /**
     * Reads elements [first, first + count) of the file (count -1: to its end), handing them over from 0; returns
     * the bytes read.
     */
    private static long read(Path file, int width, long first, int count, Chunk chunk) {
        IoWatch.touching("reading " + file);
        int perChunk = (1 << 20) / width;
        ByteBuffer buf = BUFFER.get();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long total = count < 0 ? ch.size() / width - first : count;
            if (first < 0 || (first + total) * width > ch.size()) {
                throw new IOException(file + " has no elements " + first + " to " + (first + total));
            }
            ch.position(first * width);
            long bytes = 0;
            for (long from = 0; from < total; from += perChunk) {
                int n = (int) Math.min(perChunk, total - from);
                buf.clear().limit(n * width);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) {
                        throw new IOException(file + " ended early");
                    }
                }
                buf.flip();
                chunk.take(buf, (int) from, n);
                bytes += (long) n * width;
            }
            return count < 0 ? bytes + ch.size() % width : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ByteBuffer readChecked(Path file) {
        Checksums.Sum written = sum(file);
        IoWatch.touching("reading " + file);
        try {
            byte[] all = Files.readAllBytes(file);
            if (written != null) {
                CRC32C crc = new CRC32C();
                crc.update(all);
                Checksums.check(file, written, all.length, crc.getValue());
            }
            return ByteBuffer.wrap(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
