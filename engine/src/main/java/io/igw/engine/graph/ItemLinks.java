package io.igw.engine.graph;

import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.Arrays;

/**
 * Item ↔ item co-occurrence within sessions (a user's events with gaps under the session gap), scored by lift, so
 * that two popular items seen together by chance do not link: lift = n(a,b)·S / (n(a)·n(b)) over S sessions.
 *
 * <p>The counts are kept in the build as arrays sorted by pair key ({@code a << 32 | b}, a &lt; b). A build or an
 * update counts sessions into a compact hash table of changes ({@link PairCounts}), which {@link #save} sorts in
 * place (a radix sort) and merges with the counts it started from in one pass: an update never rehashes the millions
 * of pairs it carries over.
 */
final class ItemLinks {
    /** A session's distinct items beyond this many are not paired (a crawler's session would pair everything). */
    static final int MAX_SESSION_ITEMS = 40;
    private static final long[] NO_KEYS = new long[0];
    private static final int[] NO_COUNTS = new int[0];

    private final long[] baseKeys;
    private final int[] baseCounts;
    private PairCounts changes = new PairCounts(1 << 16);
    private int[] itemSessions;
    private long sessions;

    ItemLinks(int items) {
        this(items, NO_KEYS, NO_COUNTS, new int[0], 0);
    }

    private ItemLinks(int items, long[] baseKeys, int[] baseCounts, int[] itemSessions, long sessions) {
        this.baseKeys = baseKeys;
        this.baseCounts = baseCounts;
        this.itemSessions = Arrays.copyOf(itemSessions, Math.max(16, Math.max(items, itemSessions.length)));
        this.sessions = sessions;
    }

    /** Counts an engine outside this process made ({@link AggregatedEvents}): sessions per item slot, in all. */
    static ItemLinks counted(int[] itemSessions, long sessions) {
        return new ItemLinks(itemSessions.length, NO_KEYS, NO_COUNTS, itemSessions, sessions);
    }

    /** Adds how many sessions had both items (slots, either order). */
    void together(int a, int b, int count) {
        if (a != b && count != 0) {
            changes.add(a < b ? ((long) a << 32) | b : ((long) b << 32) | a, count);
        }
    }

    /**
     * Counts one session (its distinct items, at most {@link #MAX_SESSION_ITEMS}), or with {@code sign} -1 takes
     * back one counted before.
     */
    void session(int[] items, int n, int sign) {
        if (changes == null) {
            throw new IllegalStateException("the counts were saved already");
        }
        if (n == 0) {
            return;
        }
        sessions += sign;
        for (int a = 0; a < n; a++) {
            int i = items[a];
            if (i >= itemSessions.length) {
                itemSessions = Arrays.copyOf(itemSessions, Math.max(i + 1, itemSessions.length * 2));
            }
            itemSessions[i] += sign;
            for (int b = 0; b < n; b++) {
                int j = items[b];
                if (i < j) {
                    changes.add(((long) i << 32) | j, sign);
                }
            }
        }
    }

    /**
     * Merges the changes into the counts and writes them, with each item's strongest links: those seen together
     * in at least {@code minSessions} sessions, by lift (ties by count), at most {@code perItem}, as one row per
     * item slot in both directions. Returns how many links it kept.
     */
    int save(ColumnFolderWriter out, int items, int minSessions, int perItem) {
        PairCounts.Drained drained = changes.drain();  // sorted in the table's own arrays: no copy of the largest table
        changes = null;
        int changeCount = drained.size();
        long[] changed = drained.keys();
        int[] delta = drained.counts();
        // a full build has nothing to merge with: the drained table is the result, kept in place
        long[] keys = baseKeys.length == 0 ? changed : new long[baseKeys.length + changeCount];
        int[] counts = baseKeys.length == 0 ? delta : new int[keys.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < baseKeys.length || j < changeCount) {
            long key;
            int count;
            if (j == changeCount || i < baseKeys.length && baseKeys[i] < changed[j]) {
                key = baseKeys[i];
                count = baseCounts[i++];
            } else if (i == baseKeys.length || changed[j] < baseKeys[i]) {
                key = changed[j];
                count = delta[j++];
            } else {
                key = baseKeys[i];
                count = baseCounts[i++] + delta[j++];
            }
            if (count > 0) {
                keys[n] = key;
                counts[n++] = count;
            }
        }
        int kept = writeLinks(out, keys, counts, n, items, minSessions, perItem);
        out.longs(GraphColumns.COOC_KEY, keys, n);
        out.ints(GraphColumns.COOC_COUNT, counts, n);
        out.ints(GraphColumns.COOC_ITEM_SESSIONS, Arrays.copyOf(itemSessions, Math.max(items, itemSessions.length)), items);
        out.longs(GraphColumns.COOC_SESSIONS, new long[]{sessions}, 1);
        return kept;
    }

    private int writeLinks(ColumnFolderWriter out, long[] keys, int[] counts, int n, int items, int minSessions, int perItem) {
        int[] degree = new int[items + 1];
        for (int p = 0; p < n; p++) {
            if (counts[p] >= minSessions) {
                degree[(int) (keys[p] >>> 32) + 1]++;
                degree[(int) keys[p] + 1]++;
            }
        }
        for (int k = 0; k < items; k++) {
            degree[k + 1] += degree[k];
        }
        int total = degree[items];
        int[] other = new int[total];
        float[] lift = new float[total];
        int[] fill = Arrays.copyOf(degree, items);
        for (int p = 0; p < n; p++) {
            if (counts[p] >= minSessions) {
                int a = (int) (keys[p] >>> 32);
                int b = (int) keys[p];
                float l = (float) ((double) counts[p] * sessions / ((double) itemSessions[a] * itemSessions[b]));
                other[fill[a]] = b;
                lift[fill[a]++] = l;
                other[fill[b]] = a;
                lift[fill[b]++] = l;
            }
        }
        int[] start = new int[items + 1];
        int[] keptItem = new int[(int) Math.min(total, (long) items * perItem)];
        float[] keptLift = new float[keptItem.length];
        int kept = 0;
        long[] packed = new long[16];
        for (int item = 0; item < items; item++) {
            start[item] = kept;
            int from = degree[item];
            int to = degree[item + 1];
            if (packed.length < to - from) {
                packed = new long[Integer.highestOneBit(to - from) << 1];
            }
            for (int k = from; k < to; k++) {
                packed[k - from] = ((long) Float.floatToIntBits(lift[k]) << 32) | (0x7fffffffL - other[k]);
            }
            Arrays.sort(packed, 0, to - from);
            for (int k = to - from - 1; k >= 0 && kept - start[item] < perItem; k--) {
                keptItem[kept] = (int) (0x7fffffffL - (packed[k] & 0xffffffffL));
                keptLift[kept++] = Float.intBitsToFloat((int) (packed[k] >>> 32));
            }
        }
        start[items] = kept;
        out.ints(GraphColumns.LINK_START, start, items + 1);
        out.ints(GraphColumns.LINK_ITEM, keptItem, kept);
        out.floats(GraphColumns.LINK_LIFT, keptLift, kept);
        return kept;
    }

    /** The counts a build saved, sorted as they were written. */
    static ItemLinks load(ColumnFolder in, int items) {
        return new ItemLinks(items, in.longs(GraphColumns.COOC_KEY), in.ints(GraphColumns.COOC_COUNT), in.ints(GraphColumns.COOC_ITEM_SESSIONS),
                in.longs(GraphColumns.COOC_SESSIONS)[0]);
    }
}
