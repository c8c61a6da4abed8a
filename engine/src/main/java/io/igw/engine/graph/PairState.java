package io.igw.engine.graph;

import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.events.EventRow;
import java.util.Arrays;

/**
 * The state a graph build accumulates and an incremental update continues from: users and items numbered densely,
 * and per (user, item) pair its decayed weight as of {@link #asOf}, its last event time and its strongest event
 * (weight, behaviour, time), all in primitive arrays indexed by pair slot.
 */
final class PairState {
    final LongSlots users;
    final LongSlots items;
    final LongSlots pairs;
    long[] itemCategory;
    float[] weight;
    long[] last;
    float[] bestWeight;
    byte[] bestBehaviour;
    long[] bestTime;
    long asOf;
    long events;
    /** Events left out because they happened after the as-of time. */
    long skipped;

    PairState(long asOf) {
        this(asOf, 1 << 12, 1 << 14, 1 << 16, new LongSlots(1 << 16));
    }

    private PairState(long asOf, int users, int items, int pairs, LongSlots pairSlots) {
        this.asOf = asOf;
        this.users = new LongSlots(users);
        this.items = new LongSlots(items);
        this.pairs = pairSlots;
        itemCategory = filled(Math.max(16, items));
        int n = Math.max(16, pairs);
        weight = new float[n];
        last = new long[n];
        bestWeight = new float[n];
        bestBehaviour = new byte[n];
        bestTime = new long[n];
    }

    /** Adds one event whose weight, as of {@link #asOf}, is {@code w}; returns its pair slot. */
    int add(long user, long item, long category, double w, byte behaviour, long time) {
        int u = users.slot(user);
        int i = item(item, category);
        int p = pairs.slot(((long) u << 32) | i);
        grow(p);
        weight[p] += (float) w;
        last[p] = Math.max(last[p], time);
        if (w > bestWeight[p]) {
            bestWeight[p] = (float) w;
            bestBehaviour[p] = behaviour;
            bestTime[p] = time;
        }
        events++;
        return p;
    }

    /**
     * Sets a pair an engine outside this process aggregated ({@link AggregatedEvents}); its item must have been
     * numbered already ({@link #item}). Counts no event: the caller sets {@link #events} from the totals.
     */
    void put(long user, long item, float w, long lastTime, float best, byte behaviour, long bestAt) {
        int i = items.find(item);
        if (i < 0) {
            throw new IllegalArgumentException("pair of item " + item + ", which the aggregates' items do not list");
        }
        int p = pairs.slot(((long) users.slot(user) << 32) | i);
        grow(p);
        weight[p] = w;
        last[p] = lastTime;
        bestWeight[p] = best;
        bestBehaviour[p] = behaviour;
        bestTime[p] = bestAt;
    }

    /** Numbers an item with its category (as {@link #add} does on its first event); returns its slot. */
    int item(long item, long category) {
        int i = items.slot(item);
        growItems(i);
        if (itemCategory[i] == EventRow.NO_CATEGORY) {
            itemCategory[i] = category;
        }
        return i;
    }

    private void growItems(int i) {
        if (i >= itemCategory.length) {
            int old = itemCategory.length;
            itemCategory = Arrays.copyOf(itemCategory, Math.max(i + 1, old * 2));
            Arrays.fill(itemCategory, old, itemCategory.length, EventRow.NO_CATEGORY);
        }
    }

    private void grow(int p) {
        if (p >= weight.length) {
            int n = weight.length * 2;
            weight = Arrays.copyOf(weight, n);
            last = Arrays.copyOf(last, n);
            bestWeight = Arrays.copyOf(bestWeight, n);
            bestBehaviour = Arrays.copyOf(bestBehaviour, n);
            bestTime = Arrays.copyOf(bestTime, n);
        }
    }

    /** Moves the as-of time forward: every weight shrinks by the same decay factor. */
    float decayTo(long newAsOf, double halfLifeDays) {
        if (newAsOf == asOf) {
            return 1f;
        }
        float factor = (float) Math.pow(0.5, (newAsOf - asOf) / (halfLifeDays * 86_400.0));
        for (int p = 0; p < pairs.size(); p++) {
            weight[p] *= factor;
            bestWeight[p] *= factor;
        }
        asOf = newAsOf;
        return factor;
    }

    int userOf(int pair) {
        return (int) (pairs.key(pair) >>> 32);
    }

    int itemOf(int pair) {
        return (int) pairs.key(pair);
    }

    void save(ColumnFolderWriter out) {
        out.longs(GraphColumns.USER_IDS, users.keys(), users.size());
        out.longs(GraphColumns.ITEM_IDS, items.keys(), items.size());
        out.longs(GraphColumns.ITEM_CATEGORY, itemCategory, items.size());
        int n = pairs.size();
        int[] pu = new int[n];
        int[] pi = new int[n];
        for (int p = 0; p < n; p++) {
            pu[p] = userOf(p);
            pi[p] = itemOf(p);
        }
        out.ints(GraphColumns.PAIR_USER, pu, n);
        out.ints(GraphColumns.PAIR_ITEM, pi, n);
        out.floats(GraphColumns.PAIR_WEIGHT, weight, n);
        out.longs(GraphColumns.PAIR_LAST, last, n);
        out.floats(GraphColumns.PAIR_BEST_WEIGHT, bestWeight, n);
        out.bytes(GraphColumns.PAIR_BEST_BEHAVIOUR, bestBehaviour, n);
        out.longs(GraphColumns.PAIR_BEST_TIME, bestTime, n);
        out.longs(GraphColumns.STATE, new long[]{asOf, events, skipped}, 3);
    }

    /** The state a build saved, numbered exactly as it was. */
    static PairState load(ColumnFolder in) {
        long[] state = in.longs(GraphColumns.STATE);
        long[] userIds = in.longs(GraphColumns.USER_IDS);
        long[] itemIds = in.longs(GraphColumns.ITEM_IDS);
        int[] pu = in.ints(GraphColumns.PAIR_USER);
        int[] pi = in.ints(GraphColumns.PAIR_ITEM);
        long[] pairKeys = new long[pu.length];
        for (int p = 0; p < pu.length; p++) {
            pairKeys[p] = ((long) pu[p] << 32) | pi[p];
        }
        PairState s = new PairState(state[0], userIds.length, itemIds.length, pu.length,
                LongSlots.restore(pairKeys, 1 << 14));
        s.events = state[1];
        s.skipped = state.length > 2 ? state[2] : 0;
        for (long u : userIds) {
            s.users.slot(u);
        }
        for (long i : itemIds) {
            s.items.slot(i);
        }
        long[] cats = in.longs(GraphColumns.ITEM_CATEGORY);
        System.arraycopy(cats, 0, s.itemCategory, 0, cats.length);
        copy(in.floats(GraphColumns.PAIR_WEIGHT), s.weight);
        copy(in.longs(GraphColumns.PAIR_LAST), s.last);
        copy(in.floats(GraphColumns.PAIR_BEST_WEIGHT), s.bestWeight);
        copy(in.bytes(GraphColumns.PAIR_BEST_BEHAVIOUR), s.bestBehaviour);
        copy(in.longs(GraphColumns.PAIR_BEST_TIME), s.bestTime);
        return s;
    }

    private static void copy(Object from, Object to) {
        System.arraycopy(from, 0, to, 0, java.lang.reflect.Array.getLength(from));
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EventRow.NO_CATEGORY);
        return a;
    }
}
