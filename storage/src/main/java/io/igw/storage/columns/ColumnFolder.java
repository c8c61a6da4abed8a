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

/**
 * A folder of typed arrays, one file per named column ({@code name.i64}, {@code .i32}, {@code .f32}, {@code .i8},
 * {@code .str}), read whole into primitive arrays. Written by {@link ColumnFolderWriter}, which only makes a folder
 * visible once every column is on disk, so a folder that exists is complete.
 */
public final class ColumnFolder {
    private final Path dir;

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

    public Path dir() {
        return dir;
    }

    public boolean has(String name, ColumnType type) {
        return Files.exists(type.file(dir, name));
    }

    public long[] longs(String name) {
        Path file = ColumnType.LONG.file(dir, name);
        long[] a = new long[(int) (size(file) / Long.BYTES)];
        read(file, Long.BYTES, (buf, from, n) -> buf.asLongBuffer().get(a, from, n));
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
        read(file, Integer.BYTES, (buf, from, n) -> buf.asIntBuffer().get(a, from, n));
        return a;
    }

    public float[] floats(String name) {
        Path file = ColumnType.FLOAT.file(dir, name);
        float[] a = new float[(int) (size(file) / Float.BYTES)];
        read(file, Float.BYTES, (buf, from, n) -> buf.asFloatBuffer().get(a, from, n));
        return a;
    }

    public byte[] bytes(String name) {
        Path file = ColumnType.BYTE.file(dir, name);
        byte[] a = new byte[(int) size(file)];
        read(file, 1, (buf, from, n) -> buf.get(a, from, n));
        return a;
    }

    public String[] strings(String name) {
        ByteBuffer b = read(ColumnType.STRING.file(dir, name));
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
     * Reads a file through a 1 MiB buffer, chunk by chunk: no memory mapping, so a build's folder can be deleted
     * at once on every platform, and no second copy of a large column on the heap.
     */
    private static void read(Path file, int width, Chunk chunk) {
        read(file, width, 0, -1, chunk);
    }

    /** Reads elements [first, first + count) of the file (count -1: to its end), handing them over from 0. */
    private static void read(Path file, int width, long first, int count, Chunk chunk) {
        IoWatch.touching("reading " + file);
        int perChunk = (1 << 20) / width;
        ByteBuffer buf = BUFFER.get();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long total = count < 0 ? ch.size() / width - first : count;
            if (first < 0 || (first + total) * width > ch.size()) {
                throw new IOException(file + " has no elements " + first + " to " + (first + total));
            }
            ch.position(first * width);
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
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer read(Path file) {
        IoWatch.touching("reading " + file);
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
