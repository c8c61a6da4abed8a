package io.igw.engine.graph;

import java.util.Arrays;

/**
 * Numbers distinct long keys densely from 0 in the order they are first seen: an open-addressing table of primitive
 * arrays, so that the graph's per-user, per-item and per-pair figures can live in plain arrays indexed by slot.
 */
final class LongSlots {
    private long[] keys;
    private int[] slots;
    private long[] byIndex;
    private int size;

    LongSlots(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        byIndex = new long[Math.max(16, expected)];
    }

    /** The key's slot, numbering it if it is new. */
    int slot(long key) {
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
        if (size * 2 > keys.length) {
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

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
