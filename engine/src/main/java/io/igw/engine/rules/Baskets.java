package io.igw.engine.rules;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import io.igw.storage.events.EventRow;
import io.igw.storage.stats.WorkspaceSize;
import io.igw.storage.stats.WorkspaceStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shopping baskets from the behaviour log: the distinct items a user bought within one session (a gap of more than
 * {@code gapSeconds} ends it). A log without purchases (ratings only) makes baskets of everything in a session.
 * At the category level each item stands for its category (the event's, else the catalogue's), so rules say which
 * categories are bought together. Items (or categories) are numbered densely; {@link #itemId} maps back.
 */
public record Baskets(int[][] baskets, long[] itemIds, boolean purchasesOnly) {
    /** What a basket holds: items, or the categories of items. */
    public enum Level {
        ITEM, CATEGORY;

        public static Level parse(String text) {
            for (Level l : values()) {
                if (l.name().equalsIgnoreCase(text.trim())) {
                    return l;
                }
            }
            throw new InvalidSetting("level", "must be item or category, not '" + text + "'");
        }
    }

    public static Baskets of(Workspace workspace, long gapSeconds) {
        return of(workspace, gapSeconds, Level.ITEM);
    }

    public static Baskets of(Workspace workspace, long gapSeconds, Level level) {
        WorkspaceSize size = new WorkspaceStats(workspace).size();
        NotEnoughMemory.check(String.format(Locale.ROOT, "baskets of %,d events", size.events()), bytesToGather(size));
        CatalogLookup catalog = level == Level.CATEGORY ? CatalogLookup.load(workspace, false) : null;
        EventColumns snapshots = new EventColumns(workspace);
        List<long[]> buys = new ArrayList<>();   // user, time, item
        List<long[]> all = new ArrayList<>();
        for (int id : new DatasetStore(workspace).completeIds(DatasetKind.EVENTS)) {
            EventColumns.Batch b = snapshots.read(id);
            for (int k = 0; k < b.size(); k++) {
                long what = b.item()[k];
                if (level == Level.CATEGORY) {
                    Long category = b.category()[k] != EventRow.NO_CATEGORY ? Long.valueOf(b.category()[k])
                            : catalog.item(what) == null ? null : catalog.item(what).categoryId();
                    if (category == null) {
                        continue; // an item of no known category has no place in category rules
                    }
                    what = category;
                }
                long[] e = {b.user()[k], b.time()[k], what};
                all.add(e);
                if (b.behaviour()[k] == Behaviour.BUY.code()) {
                    buys.add(e);
                }
            }
        }
        boolean purchases = !buys.isEmpty();
        List<long[]> events = purchases ? buys : all;
        events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        Map<Long, Integer> numbers = new HashMap<>();
        List<int[]> baskets = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            long[] e = events.get(k);
            boolean newBasket = k > 0 && (events.get(k - 1)[0] != e[0] || e[1] - events.get(k - 1)[1] > gapSeconds);
            if (newBasket) {
                baskets.add(distinct(current));
                current.clear();
            }
            current.add(numbers.computeIfAbsent(e[2], x -> numbers.size()));
        }
        if (!current.isEmpty()) {
            baskets.add(distinct(current));
        }
        long[] ids = new long[numbers.size()];
        numbers.forEach((id, n) -> ids[n] = id);
        return new Baskets(baskets.toArray(new int[0][]), ids, purchases);
    }

    /**
     * What {@link #of} is estimated to need: a dataset's columns while read, an object per event kept (user, time,
     * item) in one or two lists, the baskets themselves, FP-growth's tree over them, and a number per item.
     */
    public static MemoryNeed bytesToGather(WorkspaceSize size) {
        return MemoryNeed.heap(160.0 * size.events() + 160.0 * size.items());
    }

    private static int[] distinct(List<Integer> items) {
        return items.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    public int items() {
        return itemIds.length;
    }

    public long itemId(int item) {
        return itemIds[item];
    }

    public long[] itemIds(int[] items) {
        return Arrays.stream(items).mapToLong(i -> itemIds[i]).toArray();
    }
}
