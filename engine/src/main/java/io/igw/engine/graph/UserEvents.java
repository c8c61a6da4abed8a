package io.igw.engine.graph;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The (time, item) events of some users, for counting their sessions: each event is marked as already counted
 * (from datasets an earlier build covered) or new. Kept as packed primitive arrays, grouped by user only when the
 * sessions are counted.
 */
final class UserEvents {
    private int[] user = new int[1 << 16];
    private long[] packed = new long[1 << 16];
    /**
     * Marks a new event in the lowest bit of a packed event, {@code time << 32 | item << 1 | new}, so that events
     * sort by time and then item whether new or not, as a full build sorts them (item slots stay below 2^30).
     */
    private static final long NEW = 1L;
    private final BitSet users = new BitSet();
    private int size;

    /** Adds an event; {@code alreadyCounted} marks one whose session the earlier build counted. */
    void add(int userSlot, long time, int itemSlot, boolean alreadyCounted) {
        if (size == user.length) {
            user = Arrays.copyOf(user, size * 2);
            packed = Arrays.copyOf(packed, size * 2);
        }
        user[size] = userSlot;
        packed[size] = (time << 32) | ((long) itemSlot << 1) | (alreadyCounted ? 0 : NEW);
        users.set(userSlot);
        size++;
    }

    boolean has(int userSlot) {
        return users.get(userSlot);
    }

    /** The users with events here, by slot. */
    BitSet users() {
        return (BitSet) users.clone();
    }

    int userCount() {
        return users.cardinality();
    }

    /**
     * Counts the sessions the new events make or change; call it once, last (it lets the events go as it groups them). A user's events are split into sessions over all of
     * them; a session with no new event was counted before, unchanged. A session with new events is counted, and
     * the sessions its old events alone made (which the earlier build counted) are taken back: a new event can
     * only extend a session or join several into one, so this gives exactly the counts of a full build.
     */
    void countSessions(ItemLinks links, long gapSeconds) {
        int maxUser = users.length();
        int[] start = new int[maxUser + 1];
        for (int k = 0; k < size; k++) {
            start[user[k] + 1]++;
        }
        for (int u = 0; u < maxUser; u++) {
            start[u + 1] += start[u];
        }
        long[] grouped = new long[size];
        int[] fill = Arrays.copyOf(start, maxUser);
        for (int k = 0; k < size; k++) {
            grouped[fill[user[k]]++] = packed[k];
        }
        user = null;  // grouped holds every event now: let the arrival-order arrays go before the pairs are counted
        packed = null;
        size = 0;
        int[] items = new int[ItemLinks.MAX_SESSION_ITEMS];
        for (int u = 0; u < maxUser; u++) {
            int from = start[u];
            int to = start[u + 1];
            if (from == to) {
                continue;
            }
            Arrays.sort(grouped, from, to);
            int begin = from;
            for (int k = from + 1; k <= to; k++) {
                if (k == to || time(grouped[k]) - time(grouped[k - 1]) > gapSeconds) {
                    countChanged(grouped, begin, k, gapSeconds, links, items);
                    begin = k;
                }
            }
        }
    }

    /** One session over all events, [from, to): counted if it has new events, its old parts taken back. */
    private static void countChanged(long[] events, int from, int to, long gapSeconds, ItemLinks links, int[] items) {
        boolean hasNew = false;
        for (int k = from; k < to && !hasNew; k++) {
            hasNew = (events[k] & NEW) != 0;
        }
        if (!hasNew) {
            return;
        }
        links.session(items, distinct(events, from, to, false, items), +1);
        long previous = Long.MIN_VALUE;
        int oldFrom = -1;
        for (int k = from; k <= to; k++) {
            boolean old = k < to && (events[k] & NEW) == 0;
            if (k == to || old && oldFrom >= 0 && time(events[k]) - previous > gapSeconds) {
                if (oldFrom >= 0) {
                    links.session(items, distinct(events, oldFrom, k, true, items), -1);
                }
                oldFrom = k < to && old ? k : -1;
            } else if (old && oldFrom < 0) {
                oldFrom = k;
            }
            if (old) {
                previous = time(events[k]);
            }
        }
    }

    /** The distinct items of events [from, to) in time order (only old ones when asked), at most the session cap. */
    private static int distinct(long[] events, int from, int to, boolean oldOnly, int[] items) {
        int n = 0;
        for (int k = from; k < to && n < items.length; k++) {
            if (oldOnly && (events[k] & NEW) != 0) {
                continue;
            }
            int item = (int) ((events[k] & 0xffff_ffffL) >>> 1);
            boolean seen = false;
            for (int j = 0; j < n && !seen; j++) {
                seen = items[j] == item;
            }
            if (!seen) {
                items[n++] = item;
            }
        }
        return n;
    }

    private static long time(long packedEvent) {
        return packedEvent >>> 32;
    }
}
