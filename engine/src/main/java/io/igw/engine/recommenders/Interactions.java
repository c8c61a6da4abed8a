package io.igw.engine.recommenders;

import io.igw.engine.errors.MissingPrerequisite;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who interacted with what: a binary user × item matrix in compressed rows, users and items numbered densely, with
 * each interaction's time (its latest event). Every behaviour counts as an interaction (the CFGAN protocol treats
 * every MovieLens rating as one).
 */
public final class Interactions {
    final long[] userIds;
    final long[] itemIds;
    /** Row offsets: user u's items are {@code items[start[u] .. start[u+1])}, ascending. */
    final int[] start;
    final int[] items;
    final long[] times;
    /** What the rows were read from ("datasets 1,2"), and any split taken of them; recorded in provenance. */
    private final String dataVersion;
    private Map<Long, Integer> userIndex;
    private Map<Long, Integer> itemIndex;

    Interactions(long[] userIds, long[] itemIds, int[] start, int[] items, long[] times, String dataVersion) {
        this.dataVersion = dataVersion;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.start = start;
        this.items = items;
        this.times = times;
    }

    /** As {@link #of}, for a model to learn from: a workspace without events is told to import some first. */
    public static Interactions toLearnFrom(Workspace workspace) {
        Interactions all = of(workspace);
        if (all.size() == 0) {
            throw new MissingPrerequisite(MissingPrerequisite.Need.EVENTS);
        }
        return all;
    }

    /** Every (user, item) pair in the workspace's events, from the columnar snapshots. */
    public static Interactions of(Workspace workspace) {
        Map<Long, Integer> users = new HashMap<>();
        Map<Long, Integer> itemIndex = new HashMap<>();
        Map<Long, Long> latest = new HashMap<>();
        EventColumns snapshots = new EventColumns(workspace);
        List<Integer> datasets = new DatasetStore(workspace).completeIds(DatasetKind.EVENTS);
        for (int id : datasets) {
            EventColumns.Batch b = snapshots.readWhoWhatWhen(id);
            for (int k = 0; k < b.size(); k++) {
                int u = users.computeIfAbsent(b.user()[k], x -> users.size());
                int i = itemIndex.computeIfAbsent(b.item()[k], x -> itemIndex.size());
                latest.merge(((long) u << 32) | i, b.time()[k], Math::max);
            }
        }
        long[] userIds = new long[users.size()];
        users.forEach((id, u) -> userIds[u] = id);
        long[] itemIds = new long[itemIndex.size()];
        itemIndex.forEach((id, i) -> itemIds[i] = id);
        long[] keys = latest.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        return fromSortedPairs(userIds, itemIds, keys, latest, dataVersion(datasets));
    }

    /** How the registry and the evaluations name the data of these datasets. */
    public static String dataVersion(List<Integer> eventDatasets) {
        return "datasets " + eventDatasets.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Builds the rows from ascending {@code user << 32 | item} keys and their times. */
    static Interactions fromSortedPairs(long[] userIds, long[] itemIds, long[] keys, Map<Long, Long> time, String dataVersion) {
        int[] start = new int[userIds.length + 1];
        int[] items = new int[keys.length];
        long[] times = new long[keys.length];
        for (int k = 0; k < keys.length; k++) {
            start[(int) (keys[k] >>> 32) + 1]++;
            items[k] = (int) keys[k];
            times[k] = time.get(keys[k]);
        }
        for (int u = 0; u < userIds.length; u++) {
            start[u + 1] += start[u];
        }
        return new Interactions(userIds, itemIds, start, items, times, dataVersion);
    }

    /** A matrix from explicit rows, for tests: {@code rows[u]} lists user u's items. */
    static Interactions ofRows(int items, int[][] rows) {
        long[] userIds = new long[rows.length];
        long[] itemIds = new long[items];
        for (int u = 0; u < rows.length; u++) {
            userIds[u] = u;
        }
        for (int i = 0; i < items; i++) {
            itemIds[i] = i;
        }
        int[] start = new int[rows.length + 1];
        for (int u = 0; u < rows.length; u++) {
            start[u + 1] = start[u] + rows[u].length;
        }
        int[] all = new int[start[rows.length]];
        for (int u = 0; u < rows.length; u++) {
            int[] sorted = rows[u].clone();
            Arrays.sort(sorted);
            System.arraycopy(sorted, 0, all, start[u], sorted.length);
        }
        return new Interactions(userIds, itemIds, start, all, new long[all.length], "rows given by a test");
    }

    public String dataVersion() {
        return dataVersion;
    }

    /** The same users and items with other rows: a part of these interactions (a split's training part). */
    Interactions part(int[] start, int[] items, long[] times, String how) {
        return new Interactions(userIds, itemIds, start, items, times, dataVersion + " (" + how + ")");
    }

    public int users() {
        return userIds.length;
    }

    public int items() {
        return itemIds.length;
    }

    public int size() {
        return items.length;
    }

    /** Writes the matrix beside a model's state, so the model can be used on what it learned from. */
    void save(ColumnFolderWriter out) {
        out.longs("interactions.user_ids", userIds, userIds.length);
        out.longs("interactions.item_ids", itemIds, itemIds.length);
        out.ints("interactions.start", start, start.length);
        out.ints("interactions.items", items, items.length);
    }

    static Interactions load(ColumnFolder in) {
        int[] items = in.ints("interactions.items");
        return new Interactions(in.longs("interactions.user_ids"), in.longs("interactions.item_ids"),
                in.ints("interactions.start"), items, new long[items.length], "as stored with the model");
    }

    /** The dense index of a user id, or -1. */
    public int userIndex(long userId) {
        if (userIndex == null) {
            userIndex = index(userIds);
        }
        return userIndex.getOrDefault(userId, -1);
    }

    /** The dense index of an item id, or -1. */
    public int itemIndex(long itemId) {
        if (itemIndex == null) {
            itemIndex = index(itemIds);
        }
        return itemIndex.getOrDefault(itemId, -1);
    }

    private static Map<Long, Integer> index(long[] ids) {
        Map<Long, Integer> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], i);
        }
        return m;
    }

    public long userId(int u) {
        return userIds[u];
    }

    public long itemId(int i) {
        return itemIds[i];
    }

    /** How many users have item i. */
    public int[] itemCounts() {
        int[] counts = new int[itemIds.length];
        for (int i : items) {
            counts[i]++;
        }
        return counts;
    }

    /** User u's items, ascending. */
    public int[] row(int u) {
        return Arrays.copyOfRange(items, start[u], start[u + 1]);
    }

    int rowLength(int u) {
        return start[u + 1] - start[u];
    }
}
