package io.igw.storage.fingerprints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of ascending longs, memory-mapped so that membership tests cost no heap however large it is: the operating
 * system's page cache holds what is hot.
 */
final class SortedLongFile {
    private static final int SEGMENT_LONGS = 1 << 27; // 1 GiB per mapping

    private final LongBuffer[] segments;
    private final long size;

    private SortedLongFile(LongBuffer[] segments, long size) {
        this.segments = segments;
        this.size = size;
    }

    static SortedLongFile map(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size() / Long.BYTES;
            int n = (int) ((size + SEGMENT_LONGS - 1) / SEGMENT_LONGS);
            LongBuffer[] segments = new LongBuffer[n];
            for (int i = 0; i < n; i++) {
                long from = (long) i * SEGMENT_LONGS;
                long count = Math.min(SEGMENT_LONGS, size - from);
                segments[i] = ch.map(FileChannel.MapMode.READ_ONLY, from * Long.BYTES, count * Long.BYTES).asLongBuffer();
            }
            return new SortedLongFile(segments, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code count} ascending values from a sorted array. */
    static void write(Path file, long[] sorted, int count) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            for (int i = 0; i < count; i++) {
                if (!buf.hasRemaining()) {
                    flush(ch, buf);
                }
                buf.putLong(sorted[i]);
            }
            flush(ch, buf);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges sorted files and a sorted in-memory tail into one sorted file, dropping repeats. */
    static void merge(Path target, Iterable<SortedLongFile> files, long[] tail, int tailCount) {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            java.util.List<SortedLongFile> inputs = new java.util.ArrayList<>();
            files.forEach(inputs::add);
            long[] pos = new long[inputs.size()];
            int tailPos = 0;
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            boolean any = false;
            long last = 0;
            while (true) {
                int best = -1;
                long bestValue = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    if (pos[i] < inputs.get(i).size) {
                        long v = inputs.get(i).get(pos[i]);
                        if (best < 0 || v < bestValue) {
                            best = i;
                            bestValue = v;
                        }
                    }
                }
                boolean fromTail = tailPos < tailCount && (best < 0 || tail[tailPos] < bestValue);
                if (best < 0 && !fromTail) {
                    break;
                }
                long v;
                if (fromTail) {
                    v = tail[tailPos++];
                } else {
                    v = bestValue;
                    pos[best]++;
                }
                if (any && v == last) {
                    continue;
                }
                if (!buf.hasRemaining()) {
                    flush(ch, buf);
                }
                buf.putLong(v);
                last = v;
                any = true;
            }
            flush(ch, buf);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(FileChannel ch, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    long size() {
        return size;
    }

    long get(long index) {
        return segments[(int) (index / SEGMENT_LONGS)].get((int) (index % SEGMENT_LONGS));
    }

    boolean contains(long value) {
        long lo = 0;
        long hi = size - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long v = get(mid);
            if (v < value) {
                lo = mid + 1;
            } else if (v > value) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
