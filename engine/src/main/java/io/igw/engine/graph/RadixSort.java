package io.igw.engine.graph;

/**
 * Sorts non-negative long keys, carrying an int value each, by four stable passes of 16 bits (least significant
 * first): linear in the number of keys, so sorting millions of co-occurrence pairs costs a few sequential sweeps.
 */
final class RadixSort {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private RadixSort() {
    }

    /** Sorts {@code keys[0..n)} ascending, moving {@code values} along with them. */
    static void sort(long[] keys, int[] values, int n) {
        long max = 0;
        for (int i = 0; i < n; i++) {
            if (keys[i] < 0) {
                throw new IllegalArgumentException("radix sort takes non-negative keys");
            }
            max = Math.max(max, keys[i]);
        }
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        long[] fromKeys = keys;
        int[] fromValues = values;
        long[] toKeys = k2;
        int[] toValues = v2;
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 64 && (max >>> shift) != 0; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((fromKeys[i] >>> shift) & (BUCKETS - 1)) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) ((fromKeys[i] >>> shift) & (BUCKETS - 1))]++;
                toKeys[at] = fromKeys[i];
                toValues[at] = fromValues[i];
            }
            long[] tk = fromKeys;
            fromKeys = toKeys;
            toKeys = tk;
            int[] tv = fromValues;
            fromValues = toValues;
            toValues = tv;
        }
        if (fromKeys != keys) {
            System.arraycopy(fromKeys, 0, keys, 0, n);
            System.arraycopy(fromValues, 0, values, 0, n);
        }
    }
}
