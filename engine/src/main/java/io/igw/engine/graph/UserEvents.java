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
    private final BitSet counted = new BitSet();
    private final BitSet users = new BitSet();
    private int size;

    /** Adds an event; {@code alreadyCounted} marks one whose session the earlier build counted. */
    void add(int userSlot, long time, int itemSlot, boolean alreadyCounted) {
        if (size == user.length) {
            user = Arrays.copyOf(user, size * 2);
            packed = Arrays.copyOf(packed, size * 2);
        }
        user[size] = userSlot;
        packed[size] = (time << 32) | itemSlot;
        if (alreadyCounted) {
            counted.set(size);
        }
        users.set(userSlot);
        size++;
    }

    boolean has(int userSlot) {
        return users.get(userSlot);
    }

    int userCount() {
        return users.cardinality();
    }

    /**
     * For each user: takes back the sessions of their already-counted events, then counts the sessions of all
     * their events, so that a session the new events extend or join is counted once, as a whole.
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
        BitSet groupedCounted = new BitSet(size);
        int[] fill = Arrays.copyOf(start, maxUser);
        for (int k = 0; k < size; k++) {
            int at = fill[user[k]]++;
            grouped[at] = packed[k];
            if (counted.get(k)) {
                groupedCounted.set(at);
            }
        }
        int[] scratch = new int[ItemLinks.MAX_SESSION_ITEMS];
        long[] buffer = new long[16];
        for (int u = 0; u < maxUser; u++) {
            int from = start[u];
            int to = start[u + 1];
            if (from == to) {
                continue;
            }
            if (buffer.length < to - from) {
                buffer = new long[Integer.highestOneBit(to - from) << 1];
            }
            int old = 0;
            for (int k = from; k < to; k++) {
                if (groupedCounted.get(k)) {
                    buffer[old++] = grouped[k];
                }
            }
            if (old > 0) {
                links.count(buffer, old, gapSeconds, -1, scratch);
            }
            System.arraycopy(grouped, from, buffer, 0, to - from);
            links.count(buffer, to - from, gapSeconds, +1, scratch);
        }
    }
}
