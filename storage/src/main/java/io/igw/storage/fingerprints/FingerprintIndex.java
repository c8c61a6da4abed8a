package io.igw.storage.fingerprints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The set of row fingerprints one import has seen, plus those of every earlier dataset. Heap use is bounded: new
 * fingerprints collect in an open-addressing table of fixed size which, when half full, is sorted and spilled to a
 * memory-mapped run; runs are merged when they grow many. {@link #commit()} leaves one sorted file for the dataset.
 */
public final class FingerprintIndex implements AutoCloseable {
    static final int DEFAULT_SLOTS = 1 << 22; // 32 MiB of longs; spills at 2M new rows
    private static final int MAX_RUNS = 8;
    private static final long EMPTY = 0L;

    private final List<SortedLongFile> earlier;
    private final Path scratch;
    private final Path target;
    private final List<SortedLongFile> runs = new ArrayList<>();
    private final long[] slots;
    private final int mask;
    private int count;
    private boolean sawZero;
    private int runSeq;

    FingerprintIndex(List<SortedLongFile> earlier, Path scratch, Path target) {
        this(earlier, scratch, target, DEFAULT_SLOTS);
    }

    FingerprintIndex(List<SortedLongFile> earlier, Path scratch, Path target, int slotCount) {
        this.earlier = earlier;
        this.scratch = scratch;
        this.target = target;
        this.slots = new long[Integer.highestOneBit(Math.max(16, slotCount - 1)) << 1];
        this.mask = slots.length - 1;
    }

    /** Adds the fingerprint and returns true if it is new; false means the same row was seen before. */
    public boolean addIfAbsent(long fp) {
        if (fp == EMPTY) {
            if (sawZero || inFiles(fp)) {
                return false;
            }
            sawZero = true;
            return true;
        }
        int i = (int) mix(fp) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == fp) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (inFiles(fp)) {
            return false;
        }
        slots[i] = fp;
        if (++count >= slots.length / 2) {
            spill();
        }
        return true;
    }

    private boolean inFiles(long fp) {
        for (SortedLongFile f : runs) {
            if (f.contains(fp)) {
                return true;
            }
        }
        for (SortedLongFile f : earlier) {
            if (f.contains(fp)) {
                return true;
            }
        }
        return false;
    }

    private void spill() {
        long[] sorted = drainSorted();
        Path run = scratch.resolve("run-" + (runSeq++) + ".fp");
        SortedLongFile.write(run, sorted, sorted.length);
        runs.add(SortedLongFile.map(run));
        if (runs.size() > MAX_RUNS) {
            Path merged = scratch.resolve("run-" + (runSeq++) + ".fp");
            SortedLongFile.merge(merged, runs, new long[0], 0);
            runs.clear();
            runs.add(SortedLongFile.map(merged));
        }
    }

    private long[] drainSorted() {
        long[] out = new long[count + (sawZero ? 1 : 0)];
        int k = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != EMPTY) {
                out[k++] = slots[i];
                slots[i] = EMPTY;
            }
        }
        if (sawZero) {
            out[k] = EMPTY;
            sawZero = false;
        }
        count = 0;
        Arrays.sort(out);
        return out;
    }

    /** Writes the dataset's sorted fingerprint file; call once every row is in. */
    public void commit() {
        long[] tail = drainSorted();
        SortedLongFile.merge(target, runs, tail, tail.length);
    }

    @Override
    public void close() {
        runs.clear();
        try {
            FingerprintFiles.deleteTree(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
