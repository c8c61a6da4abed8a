package io.igw.engine.graph;

/**
 * Counts per positive long key (an item pair, {@code a << 32 | b} with a &lt; b, is never 0): one open-addressing
 * table of a key array and a count array, filled to at most three quarters, and nothing else. The build's session
 * pairs are its largest table (about two per event), so each entry costs 16–32 bytes here where numbering keys into
 * slots first ({@link LongSlots} and a count array beside it) cost 36–72. {@link #drain} hands the entries back
 * sorted by key in the table's own arrays, with no copy.
 */
final class PairCounts {
    private static final long EMPTY = 0;

    private long[] keys;
    private int[] counts;
    private int size;

    PairCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3)) << 1;
        keys = new long[capacity];
        counts = new int[capacity];
    }

    /** Adds {@code delta} to the key's count (a key whose count comes back to 0 stays, counting 0). */
    void add(long key, int delta) {
        if (key <= EMPTY) {
            throw new IllegalArgumentException("pair keys are positive, not " + key);
        }
        int i = probe(keys, key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            if (++size * 4L > keys.length * 3L) {
                counts[i] += delta;
                grow();
                return;
            }
        }
        counts[i] += delta;
    }

    /** The key's count, 0 when it has none. */
    int get(long key) {
        int i = probe(keys, key);
        return keys[i] == EMPTY ? 0 : counts[i];
    }

    int size() {
        return size;
    }

    /** The entries, sorted by key, in the first {@link Drained#size()} places of the table's arrays; the table is spent. */
    Drained drain() {
        long[] k = keys;
        int[] c = counts;
        keys = null;
        counts = null;
        int n = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY) {
                k[n] = k[i];
                c[n++] = c[i];
            }
        }
        RadixSort.sort(k, c, n);
        return new Drained(k, c, n);
    }

    /** Sorted keys and their counts; only the first {@code size} are in use. */
    record Drained(long[] keys, int[] counts, int size) {
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[keys.length];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = probe(keys, oldKeys[j]);
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    /** Where the key is, or the empty place where it would go. */
    private static int probe(long[] keys, long key) {
        int mask = keys.length - 1;
        int i = (int) (LongSlots.mix(key) & mask);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
