package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.errors.MissingPrerequisite;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.columns.ColumnType;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import io.igw.storage.stats.WorkspaceSize;
import io.igw.storage.stats.WorkspaceStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who interacted with what: a binary user × item matrix in compressed rows, users and items numbered densely, with
 * each interaction's time (its latest event) and its strongest behaviour (view &lt; favourite &lt; cart &lt; buy &lt;
 * rate). Every behaviour counts as an interaction (the CFGAN protocol treats every MovieLens rating as one); a user's
 * interactions in time order are their {@link Session} for order-aware models.
 */
public final class Interactions {
    final long[] userIds;
    final long[] itemIds;
    /** Row offsets: user u's items are {@code items[start[u] .. start[u+1])}, ascending. */
    final int[] start;
    final int[] items;
    final long[] times;
    /** The strongest behaviour code of each interaction ({@link io.igw.storage.Behaviour}), 0 where unknown. */
    final byte[] kinds;
    /** What the rows were read from ("datasets 1,2"), and any split taken of them; recorded in provenance. */
    private final String dataVersion;
    private Map<Long, Integer> userIndex;
    private Map<Long, Integer> itemIndex;

    Interactions(long[] userIds, long[] itemIds, int[] start, int[] items, long[] times, byte[] kinds, String dataVersion) {
        this.dataVersion = dataVersion;
        this.kinds = kinds;
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

    /**
     * Every (user, item) pair in the workspace's events, from the columnar snapshots. Nothing per event or per pair
     * is an object: each dataset's events become dense user and item numbers with their times and behaviours, are
     * grouped by user (a counting sort) and, user by user, sorted by item, keeping each pair's latest time and
     * strongest behaviour. The peak is about {@value #BYTES_PER_EVENT_READ} bytes per event ({@link #bytesToRead}).
     */
    public static Interactions of(Workspace workspace) {
        WorkspaceSize size = new WorkspaceStats(workspace).size();
        NotEnoughMemory.check(String.format(Locale.ROOT, "interactions of %,d events", size.events()),
                MemoryNeed.heap(bytesToRead(size.users(), size.items(), size.events())));
        Map<Long, Integer> users = new HashMap<>();
        Map<Long, Integer> itemIndex = new HashMap<>();
        EventColumns snapshots = new EventColumns(workspace);
        List<Integer> datasets = new DatasetStore(workspace).completeIds(DatasetKind.EVENTS);
        List<Dense> read = new ArrayList<>();
        for (int id : datasets) {
            EventColumns.Batch b = snapshots.readWhoWhatWhen(id);
            Dense d = new Dense(new int[b.size()], new int[b.size()], b.time(), b.behaviour());
            for (int k = 0; k < b.size(); k++) {
                d.user[k] = users.computeIfAbsent(b.user()[k], x -> users.size());
                d.item[k] = itemIndex.computeIfAbsent(b.item()[k], x -> itemIndex.size());
            }
            read.add(d);
        }
        long[] userIds = new long[users.size()];
        users.forEach((id, u) -> userIds[u] = id);
        long[] itemIds = new long[itemIndex.size()];
        itemIndex.forEach((id, i) -> itemIds[i] = id);
        return fromEvents(userIds, itemIds, read, dataVersion(datasets));
    }

    /** Peak bytes per event of {@link #of}: a dataset's columns, their dense numbers, and the events grouped by user. */
    static final int BYTES_PER_EVENT_READ = 25 + 8 + 13 + 8;

    /** Peak bytes beside the events: a map entry per user and per item while they are numbered, then the rows. */
    static final int BYTES_PER_USER_OR_ITEM_READ = 96;

    /** What {@link #of} needs for a workspace of this size; the rows it returns are counted in it. */
    public static long bytesToRead(long users, long items, long events) {
        return BYTES_PER_EVENT_READ * events + BYTES_PER_USER_OR_ITEM_READ * (users + items);
    }

    /** What the rows themselves take, once read: {@code pairs} interactions (at most the events). */
    public static long bytesHeld(long users, long items, long pairs) {
        return 21 * pairs + 12 * users + 8 * items;
    }

    /** One dataset's events as dense user and item numbers, with their times and behaviour codes. */
    private record Dense(int[] user, int[] item, long[] time, byte[] behaviour) {
    }

    /** Groups the events by user, then each user's by item, keeping a pair's latest time and strongest behaviour. */
    private static Interactions fromEvents(long[] userIds, long[] itemIds, List<Dense> read, String dataVersion) {
        int n = 0;
        int[] from = new int[userIds.length + 1];
        for (Dense d : read) {
            n += d.user.length;
            for (int u : d.user) {
                from[u + 1]++;
            }
        }
        for (int u = 0; u < userIds.length; u++) {
            from[u + 1] += from[u];
        }
        int[] item = new int[n];
        long[] time = new long[n];
        byte[] kind = new byte[n];
        int[] next = Arrays.copyOf(from, userIds.length);
        for (Dense d : read) {
            for (int k = 0; k < d.user.length; k++) {
                int at = next[d.user[k]]++;
                item[at] = d.item[k];
                time[at] = d.time[k];
                kind[at] = d.behaviour[k];
            }
        }
        read.clear();
        // each user's events, item by item, in place: item and position packed so that one primitive sort orders both
        int[] start = new int[userIds.length + 1];
        int pairs = 0;
        long[] order = new long[0];
        for (int u = 0; u < userIds.length; u++) {
            int len = from[u + 1] - from[u];
            if (order.length < len) {
                order = new long[Math.max(len, Math.min(n, order.length * 2))];
            }
            for (int k = 0; k < len; k++) {
                order[k] = ((long) item[from[u] + k] << 32) | k;
            }
            Arrays.sort(order, 0, len);
            long[] userTimes = Arrays.copyOfRange(time, from[u], from[u] + len);
            byte[] userKinds = Arrays.copyOfRange(kind, from[u], from[u] + len);
            int k = 0;
            while (k < len) {
                int i = (int) (order[k] >>> 32);
                long latest = Long.MIN_VALUE;
                byte strongest = 0;
                for (; k < len && (int) (order[k] >>> 32) == i; k++) {
                    int at = (int) order[k];
                    latest = Math.max(latest, userTimes[at]);
                    strongest = (byte) Math.max(strongest, userKinds[at]);
                }
                item[pairs] = i;
                time[pairs] = latest;
                kind[pairs] = strongest;
                pairs++;
            }
            start[u + 1] = pairs;
        }
        return new Interactions(userIds, itemIds, start, Arrays.copyOf(item, pairs), Arrays.copyOf(time, pairs),
                Arrays.copyOf(kind, pairs), dataVersion);
    }

    /** How the registry and the evaluations name the data of these datasets. */
    public static String dataVersion(List<Integer> eventDatasets) {
        return "datasets " + eventDatasets.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Builds the rows from ascending {@code user << 32 | item} keys, their times and (where known) behaviours. */
    static Interactions fromSortedPairs(long[] userIds, long[] itemIds, long[] keys, Map<Long, Long> time,
                                        Map<Long, Byte> kind, String dataVersion) {
        int[] start = new int[userIds.length + 1];
        int[] items = new int[keys.length];
        long[] times = new long[keys.length];
        byte[] kinds = new byte[keys.length];
        for (int k = 0; k < keys.length; k++) {
            start[(int) (keys[k] >>> 32) + 1]++;
            items[k] = (int) keys[k];
            times[k] = time.get(keys[k]);
            kinds[k] = kind.getOrDefault(keys[k], (byte) 0);
        }
        for (int u = 0; u < userIds.length; u++) {
            start[u + 1] += start[u];
        }
        return new Interactions(userIds, itemIds, start, items, times, kinds, dataVersion);
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
        return new Interactions(userIds, itemIds, start, all, new long[all.length], new byte[all.length], "rows given by a test");
    }

    /**
     * A matrix from explicit sequences, for tests: {@code sequences[u]} lists user u's items in the order they were
     * acted on (one second apart), with behaviour {@code kind}.
     */
    static Interactions ofSequences(int items, int[][] sequences, byte kind) {
        Map<Long, Long> time = new HashMap<>();
        Map<Long, Byte> kinds = new HashMap<>();
        for (int u = 0; u < sequences.length; u++) {
            for (int p = 0; p < sequences[u].length; p++) {
                long key = ((long) u << 32) | sequences[u][p];
                time.put(key, 1_000_000L * (u + 1) + p);
                kinds.put(key, kind);
            }
        }
        long[] userIds = new long[sequences.length];
        long[] itemIds = new long[items];
        for (int u = 0; u < userIds.length; u++) {
            userIds[u] = u;
        }
        for (int i = 0; i < items; i++) {
            itemIds[i] = i;
        }
        long[] keys = time.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        return fromSortedPairs(userIds, itemIds, keys, time, kinds, "sequences given by a test");
    }

    public String dataVersion() {
        return dataVersion;
    }

    /** The same users and items with other rows: a part of these interactions (a split's training part). */
    Interactions part(int[] start, int[] items, long[] times, byte[] kinds, String how) {
        return new Interactions(userIds, itemIds, start, items, times, kinds, dataVersion + " (" + how + ")");
    }

    /**
     * The same rows over more items: {@code extra} ids not already here are numbered after the others, with no one
     * having them (items in the catalogue that no one has touched yet, for a model that can score them).
     */
    public Interactions withItems(long[] extra) {
        java.util.LinkedHashSet<Long> added = new java.util.LinkedHashSet<>();
        for (long id : extra) {
            if (itemIndex(id) < 0) {
                added.add(id);
            }
        }
        if (added.isEmpty()) {
            return this;
        }
        long[] ids = Arrays.copyOf(itemIds, itemIds.length + added.size());
        int at = itemIds.length;
        for (long id : added) {
            ids[at++] = id;
        }
        return new Interactions(userIds, ids, start, items, times, kinds,
                dataVersion + " (and " + added.size() + " catalogue items no one has touched)");
    }

    /**
     * The same users and items with only the pairs acted on at or before {@code time}: the data as it stood then
     * (for measuring a fine-tune on what came after).
     */
    public Interactions upTo(long time) {
        long[] each = new long[users()];
        Arrays.fill(each, time);
        return upTo(each, "up to " + java.time.Instant.ofEpochSecond(time));
    }

    /** The same, with a time for each user: user u keeps the pairs acted on at or before {@code timeOf[u]}. */
    public Interactions upTo(long[] timeOf, String how) {
        int[] from = new int[start.length];
        List<Integer> kept = new ArrayList<>();
        for (int u = 0; u < users(); u++) {
            for (int k = start[u]; k < start[u + 1]; k++) {
                if (times[k] <= timeOf[u]) {
                    kept.add(k);
                }
            }
            from[u + 1] = kept.size();
        }
        int[] rows = new int[kept.size()];
        long[] when = new long[kept.size()];
        byte[] what = new byte[kept.size()];
        for (int n = 0; n < rows.length; n++) {
            rows[n] = items[kept.get(n)];
            when[n] = times[kept.get(n)];
            what[n] = kinds[kept.get(n)];
        }
        return part(from, rows, when, what, how);
    }

    /** The time at or before which {@code share} of the pairs were acted on. */
    public long timeAtShare(double share) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(share * (sorted.length - 1)))];
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
        out.longs(TIMES, times, times.length);
        out.bytes(KINDS, kinds, kinds.length);
    }

    private static final String TIMES = "interactions.times";
    private static final String KINDS = "interactions.kinds";

    /** Reads what {@link #save} wrote; models stored before times and behaviours were kept get zeros for them. */
    static Interactions load(ColumnFolder in) {
        int[] items = in.ints("interactions.items");
        long[] times = in.has(TIMES, ColumnType.LONG) ? in.longs(TIMES) : new long[items.length];
        byte[] kinds = in.has(KINDS, ColumnType.BYTE) ? in.bytes(KINDS) : new byte[items.length];
        return new Interactions(in.longs("interactions.user_ids"), in.longs("interactions.item_ids"),
                in.ints("interactions.start"), items, times, kinds, "as stored with the model");
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

    /** User u's interactions in time order (ties by item): the session an order-aware model reads. */
    public Session session(int u) {
        int from = start[u];
        int n = start[u + 1] - from;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = from + k;
        }
        Arrays.sort(order, (a, b) -> times[a] != times[b] ? Long.compare(times[a], times[b]) : Integer.compare(items[a], items[b]));
        int[] sequence = new int[n];
        byte[] behaviours = new byte[n];
        long[] when = new long[n];
        for (int k = 0; k < n; k++) {
            sequence[k] = items[order[k]];
            behaviours[k] = kinds[order[k]];
            when[k] = times[order[k]];
        }
        return new Session(sequence, behaviours, when);
    }

    int rowLength(int u) {
        return start[u + 1] - start[u];
    }
}
