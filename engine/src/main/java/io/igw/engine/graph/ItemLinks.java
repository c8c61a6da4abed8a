package io.igw.engine.graph;

import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.Arrays;

/**
 * Item ↔ item co-occurrence within sessions (a user's events with gaps under the session gap), scored by lift, so
 * that two popular items seen together by chance do not link: lift = n(a,b)·S / (n(a)·n(b)) over S sessions. The
 * counts are kept in the build, so an update can take back the sessions of the users it touches and count them
 * again with their new events, giving exactly what a full build would.
 */
final class ItemLinks {
    /** A session's distinct items beyond this many are not paired (a crawler's session would pair everything). */
    static final int MAX_SESSION_ITEMS = 40;

    private final LongSlots pairKeys;
    private int[] pairCount;
    private int[] itemSessions;
    private long sessions;

    ItemLinks(int items) {
        this(items, 1 << 16);
    }

    private ItemLinks(int items, int expectedPairs) {
        pairKeys = new LongSlots(expectedPairs);
        pairCount = new int[Math.max(16, expectedPairs)];
        itemSessions = new int[Math.max(16, items)];
    }

    /**
     * Counts one session (its distinct items, at most {@link #MAX_SESSION_ITEMS}), or with {@code sign} -1 takes
     * back one counted before.
     */
    void session(int[] items, int n, int sign) {
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
                    int p = pairKeys.slot(((long) i << 32) | j);
                    if (p >= pairCount.length) {
                        pairCount = Arrays.copyOf(pairCount, pairCount.length * 2);
                    }
                    pairCount[p] += sign;
                }
            }
        }
    }

    /**
     * Each item's strongest links: those seen together in at least {@code minSessions} sessions, by lift (ties by
     * count), at most {@code perItem}; written as one row per item slot in both directions.
     */
    void save(ColumnFolderWriter out, int items, int minSessions, int perItem) {
        int[] degree = new int[items + 1];
        for (int p = 0; p < pairKeys.size(); p++) {
            if (pairCount[p] >= minSessions) {
                long key = pairKeys.key(p);
                degree[(int) (key >>> 32) + 1]++;
                degree[(int) key + 1]++;
            }
        }
        for (int i = 0; i < items; i++) {
            degree[i + 1] += degree[i];
        }
        int total = degree[items];
        int[] other = new int[total];
        float[] lift = new float[total];
        int[] fill = Arrays.copyOf(degree, items);
        for (int p = 0; p < pairKeys.size(); p++) {
            if (pairCount[p] >= minSessions) {
                long key = pairKeys.key(p);
                int a = (int) (key >>> 32);
                int b = (int) key;
                float l = (float) ((double) pairCount[p] * sessions / ((double) itemSessions[a] * itemSessions[b]));
                other[fill[a]] = b;
                lift[fill[a]++] = l;
                other[fill[b]] = a;
                lift[fill[b]++] = l;
            }
        }
        int[] start = new int[items + 1];
        int[] keptItem = new int[Math.min(total, items * perItem)];
        float[] keptLift = new float[keptItem.length];
        int kept = 0;
        for (int i = 0; i < items; i++) {
            start[i] = kept;
            int from = degree[i];
            int to = degree[i + 1];
            long[] packed = new long[to - from];
            for (int k = from; k < to; k++) {
                packed[k - from] = ((long) Float.floatToIntBits(lift[k]) << 32) | (0x7fffffffL - other[k]);
            }
            Arrays.sort(packed);
            for (int k = packed.length - 1; k >= 0 && kept - start[i] < perItem; k--) {
                keptItem[kept] = (int) (0x7fffffffL - (packed[k] & 0xffffffffL));
                keptLift[kept++] = Float.intBitsToFloat((int) (packed[k] >>> 32));
            }
        }
        start[items] = kept;
        out.ints("link_start", start, items + 1);
        out.ints("link_item", keptItem, kept);
        out.floats("link_lift", keptLift, kept);
        long[] keys = pairKeys.keys();
        out.longs("cooc_key", keys, pairKeys.size());
        out.ints("cooc_count", pairCount, pairKeys.size());
        out.ints("cooc_item_sessions", itemSessions, items);
        out.longs("cooc_sessions", new long[]{sessions}, 1);
    }

    static ItemLinks load(ColumnFolder in, int items) {
        long[] keys = in.longs("cooc_key");
        int[] counts = in.ints("cooc_count");
        // sized for what is loaded plus room for an update, so the table never rehashes while loading
        ItemLinks links = new ItemLinks(items, keys.length + keys.length / 8 + 16);
        for (int p = 0; p < keys.length; p++) {
            links.pairCount[links.pairKeys.slot(keys[p])] = counts[p];
        }
        int[] sessionsPerItem = in.ints("cooc_item_sessions");
        System.arraycopy(sessionsPerItem, 0, links.itemSessions, 0, sessionsPerItem.length);
        links.sessions = in.longs("cooc_sessions")[0];
        return links;
    }
}
