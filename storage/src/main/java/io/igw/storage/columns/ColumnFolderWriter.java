package io.igw.storage.columns;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a {@link ColumnFolder}: columns go into a sibling {@code .part} folder, which {@link #commit()} renames
 * into place in one step. Closing without committing deletes what was written, so a cancel or a failure leaves
 * nothing behind; a kill leaves a {@code .part} folder (or a replaced folder's {@code .old}) that
 * {@link #deleteLeftovers} cleans up.
 */
public final class ColumnFolderWriter implements AutoCloseable {
    private static final String PART = ".part";
    private static final String OLD = ".old";

    private final Path target;
    private final Path part;
    private final List<Appender> open = new ArrayList<>();
    /** The length and CRC32C of each file written, by name: the folder's manifest ({@link Checksums}). */
    private final Map<String, Checksums.Sum> sums = new ConcurrentHashMap<>();
    private boolean committed;

    public ColumnFolderWriter(Path target) {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + PART);
        try {
            deleteTree(part);
            Files.createDirectories(part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where to write a file of another format (a serialised network) so that it moves with the folder on commit. */
    public Path file(String name) {
        return part.resolve(name);
    }

    /** An appender for a column whose length is not known in advance. */
    public Appender appender(String name, ColumnType type) {
        Appender a = new Appender(type.file(part, name), sums);
        synchronized (open) {
            open.add(a);
        }
        return a;
    }

    public void longs(String name, long[] values, int count) {
        write(ColumnType.LONG.file(part, name), count, Long.BYTES, (buf, from, n) -> buf.asLongBuffer().put(values, from, n));
    }

    public void ints(String name, int[] values, int count) {
        write(ColumnType.INT.file(part, name), count, Integer.BYTES, (buf, from, n) -> buf.asIntBuffer().put(values, from, n));
    }

    public void floats(String name, float[] values, int count) {
        write(ColumnType.FLOAT.file(part, name), count, Float.BYTES, (buf, from, n) -> buf.asFloatBuffer().put(values, from, n));
    }

    public void bytes(String name, byte[] values, int count) {
        write(ColumnType.BYTE.file(part, name), count, 1, (buf, from, n) -> buf.put(values, from, n));
    }

    /** Copies elements [from, from + n) of an array into a buffer, big-endian. */
    @FunctionalInterface
    private interface Chunk {
        void put(ByteBuffer buffer, int from, int n);
    }

    private void write(Path file, int count, int width, Chunk chunk) {
        int perChunk = (1 << 20) / width;
        ByteBuffer buf = ByteBuffer.allocate(perChunk * width);
        CRC32C crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (int from = 0; from < count; from += perChunk) {
                int n = Math.min(perChunk, count - from);
                buf.clear();
                chunk.put(buf, from, n);
                buf.limit(n * width).position(0);
                crc.update(buf.duplicate());
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sums.put(file.getFileName().toString(), new Checksums.Sum((long) count * width, crc.getValue()));
    }

    public void strings(String name, String[] values) {
        try (Appender a = new Appender(ColumnType.STRING.file(part, name), sums)) {
            a.out.writeInt(values.length);
            for (String v : values) {
                byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
                a.out.writeInt(utf8.length);
                a.out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flushes every column and moves the folder into place, replacing any older one: the older one is first renamed
     * aside ({@code .old}), so that a kill at any point leaves either it or the new one, never neither
     * ({@link #deleteLeftovers} puts an orphaned {@code .old} back).
     */
    public void commit() {
        try {
            synchronized (open) {
                for (Appender a : open) {
                    a.close();
                }
            }
            manifest();
            Path old = target.resolveSibling(target.getFileName() + OLD);
            deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the folder's {@code CHECKSUMS}: the sums kept while writing, and those of files written another way
     * (through {@link #file}) computed now. A folder nested inside (a model within a model) has its own.
     */
    private void manifest() throws IOException {
        try (Stream<Path> entries = Files.list(part)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && !name.equals(Checksums.FILE) && !sums.containsKey(name)) {
                    sums.put(name, Checksums.compute(p));
                }
            }
        }
        Checksums.write(part, sums);
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Appender a : List.copyOf(open)) {
            try {
                a.close();
            } catch (RuntimeException ignored) {
                // the folder is deleted below anyway
            }
        }
        try {
            deleteTree(part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cleans up after a process killed while writing in {@code dir}: removes its {@code .part} folders, and of a
     * replaced folder's {@code .old} copy either removes it (the new folder is in place) or puts it back (the kill
     * came between the two renames).
     */
    public static void deleteLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(PART)) {
                    deleteTree(p);
                } else if (name.endsWith(OLD)) {
                    Path current = p.resolveSibling(name.substring(0, name.length() - OLD.length()));
                    if (Files.exists(current)) {
                        deleteTree(p);
                    } else {
                        Files.move(p, current, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    /** Values appended one at a time; the file's length and checksum are kept when it is closed. */
    public static final class Appender implements AutoCloseable {
        private final Path file;
        private final Map<String, Checksums.Sum> sums;
        private final CheckedOutputStream checked;
        private final DataOutputStream out;
        private boolean closed;

        private Appender(Path file, Map<String, Checksums.Sum> sums) {
            this.file = file;
            this.sums = sums;
            try {
                this.checked = new CheckedOutputStream(Files.newOutputStream(file), new CRC32C());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
        }

        public void add(long v) throws IOException {
            out.writeLong(v);
        }

        public void add(int v) throws IOException {
            out.writeInt(v);
        }

        public void add(float v) throws IOException {
            out.writeFloat(v);
        }

        public void add(byte v) throws IOException {
            out.writeByte(v);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.close();
                sums.put(file.getFileName().toString(), new Checksums.Sum(Files.size(file), checked.getChecksum().getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
