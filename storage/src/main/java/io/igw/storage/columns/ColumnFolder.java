package io.igw.storage.columns;

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
        ByteBuffer b = read(ColumnType.LONG.file(dir, name));
        long[] a = new long[b.remaining() / Long.BYTES];
        b.asLongBuffer().get(a);
        return a;
    }

    public int[] ints(String name) {
        ByteBuffer b = read(ColumnType.INT.file(dir, name));
        int[] a = new int[b.remaining() / Integer.BYTES];
        b.asIntBuffer().get(a);
        return a;
    }

    public float[] floats(String name) {
        ByteBuffer b = read(ColumnType.FLOAT.file(dir, name));
        float[] a = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(a);
        return a;
    }

    public byte[] bytes(String name) {
        ByteBuffer b = read(ColumnType.BYTE.file(dir, name));
        byte[] a = new byte[b.remaining()];
        b.get(a);
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

    private static ByteBuffer read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than one column may be (2 GiB)");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
