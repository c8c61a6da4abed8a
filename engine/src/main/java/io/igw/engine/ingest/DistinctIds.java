package io.igw.engine.ingest;

import java.util.Arrays;

/**
 * The distinct ids an import meets, each with one long attached (an item's category), in open-addressing primitive
 * arrays: about 16 bytes an id, growing with distinct users and items rather than with lines.
 */
final class DistinctIds {
    private static final long FREE = Long.MIN_VALUE + 1;

    private long[] keys;
    private long[] values;
    private int size;

    DistinctIds() {
        keys = new long[1 << 12];
        values = new long[keys.length];
        Arrays.fill(keys, FREE);
    }

    /** Adds the id with its value if it is new (the first value seen is kept); true if it was new. */
    boolean add(long id, long value) {
        int mask = keys.length - 1;
        int i = (int) (mix(id) & mask);
        while (keys[i] != FREE) {
            if (keys[i] == id) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        values[i] = value;
        if (++size > keys.length / 2) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    long[] ids() {
        long[] out = new long[size];
        int k = 0;
        for (long key : keys) {
            if (key != FREE) {
                out[k++] = key;
            }
        }
        return out;
    }

    /** Values in the order of {@link #ids()}. */
    long[] values() {
        long[] out = new long[size];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[keys.length];
        Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
