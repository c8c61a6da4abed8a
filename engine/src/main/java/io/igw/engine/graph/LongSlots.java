package io.igw.engine.graph;

import java.util.Arrays;

/**
 * Numbers distinct long keys densely from 0 in the order they are first seen: an open-addressing table of primitive
 * arrays, so that the graph's per-user, per-item and per-pair figures can live in plain arrays indexed by slot.
 * A table restored from saved keys ({@link #restore}) keeps those in a sorted array searched by bisection and hashes
 * only keys added afterwards: an update carries a million pairs over without rehashing them.
 */
final class LongSlots {
    private static final long[] NO_KEYS = new long[0];
    private static final int[] NO_SLOTS = new int[0];

    private long[] keys;
    private int[] slots;
    private long[] byIndex;
    private int size;
    private int hashed;
    private long[] baseSorted = NO_KEYS;
    private int[] baseSlot = NO_SLOTS;

    LongSlots(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        byIndex = new long[Math.max(16, expected)];
    }

    /**
     * A table holding saved keys, numbered by their position, with room to number {@code extra} more. Keys must
     * not be negative (pair keys never are).
     */
    static LongSlots restore(long[] keysBySlot, int extra) {
        LongSlots s = new LongSlots(Math.max(16, extra));
        int n = keysBySlot.length;
        s.byIndex = Arrays.copyOf(keysBySlot, n + Math.max(16, extra));
        s.size = n;
        long[] sorted = keysBySlot.clone();
        int[] slotOf = new int[n];
        for (int i = 0; i < n; i++) {
            slotOf[i] = i;
        }
        RadixSort.sort(sorted, slotOf, n);
        s.baseSorted = sorted;
        s.baseSlot = slotOf;
        return s;
    }

    /** The key's slot, numbering it if it is new. */
    int slot(long key) {
        if (baseSorted.length > 0) {
            int k = Arrays.binarySearch(baseSorted, key);
            if (k >= 0) {
                return baseSlot[k];
            }
        }
        int i = probe(key);
        if (slots[i] >= 0) {
            return slots[i];
        }
        keys[i] = key;
        slots[i] = size;
        if (size == byIndex.length) {
            byIndex = Arrays.copyOf(byIndex, size * 2);
        }
        byIndex[size] = key;
        size++;
        hashed++;
        if (hashed * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** The table position holding the key, or the free position where it would go. */
    private int probe(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (slots[i] >= 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The key's slot, or -1 when it has none. */
    int find(long key) {
        if (baseSorted.length > 0) {
            int k = Arrays.binarySearch(baseSorted, key);
            if (k >= 0) {
                return baseSlot[k];
            }
        }
        return slots[probe(key)];
    }

    long key(int slot) {
        return byIndex[slot];
    }

    /** The keys by slot; only the first {@link #size()} are in use. */
    long[] keys() {
        return byIndex;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[keys.length];
        Arrays.fill(slots, -1);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldSlots[j] >= 0) {
                int i = (int) (mix(oldKeys[j]) & mask);
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    /** The hash both tables of long keys spread their keys with (a 64-bit finaliser). */
    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
