package io.igw.engine.activity;

import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.engine.graph.ItemFeatures;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import io.igw.storage.events.EventRow;
import io.igw.storage.stats.WorkspaceSize;
import io.igw.storage.stats.WorkspaceStats;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every user's behaviour in time order, held in primitive arrays for the marketer tools: who did what to which item
 * when, with each item's facets (its categories and their parents, brand, tags, itself) so that "sessions touching
 * category 302" or "bought brand Acme in the last 7 days" are answered by one pass. Users are numbered by ascending
 * id; a user's events are {@code start(u) .. start(u + 1)}.
 */
public final class ActivityLog {
    /** Events of one user further apart than this start a new session, as in the interest graph. */
    public static final long SESSION_GAP_SECONDS = 30 * 60;

    private final long[] userIds;
    private final int[] start;
    private final long[] time;
    private final int[] item;
    private final byte[] behaviour;
    private final ItemFacets facets;
    private Boolean hasPurchases;

    ActivityLog(long[] userIds, int[] start, long[] time, int[] item, byte[] behaviour, ItemFacets facets) {
        this.userIds = userIds;
        this.start = start;
        this.time = time;
        this.item = item;
        this.behaviour = behaviour;
        this.facets = facets;
    }

    /** Reads every complete events dataset of the workspace, with the catalogue's facets of each item. */
    public static ActivityLog load(Workspace workspace) {
        WorkspaceSize size = new WorkspaceStats(workspace).size();
        NotEnoughMemory.check(String.format(Locale.ROOT, "activity log of %,d events", size.events()), bytesToLoad(size));
        EventColumns snapshots = new EventColumns(workspace);
        int n = 0;
        EventColumns.Batch[] batches = new DatasetStore(workspace).completeIds(DatasetKind.EVENTS).stream()
                .map(snapshots::read).toArray(EventColumns.Batch[]::new);
        for (EventColumns.Batch b : batches) {
            n += b.size();
        }
        if (n == 0) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
        }
        long[] users = new long[n];
        long[] items = new long[n];
        long[] categories = new long[n];
        long[] times = new long[n];
        byte[] behaviours = new byte[n];
        int at = 0;
        for (EventColumns.Batch b : batches) {
            System.arraycopy(b.user(), 0, users, at, b.size());
            System.arraycopy(b.item(), 0, items, at, b.size());
            System.arraycopy(b.category(), 0, categories, at, b.size());
            System.arraycopy(b.time(), 0, times, at, b.size());
            System.arraycopy(b.behaviour(), 0, behaviours, at, b.size());
            at += b.size();
        }
        Map<Long, Long> eventCategory = new HashMap<>();
        for (int k = 0; k < n; k++) {
            if (categories[k] != EventRow.NO_CATEGORY) {
                eventCategory.putIfAbsent(items[k], categories[k]);
            }
        }
        ItemFeatures features = ItemFeatures.load(workspace, eventCategory); // the events are not read again
        ItemFacets facets = ItemFacets.of(CatalogLookup.load(workspace), features, eventCategory);
        return of(users, items, times, behaviours, facets);
    }

    /**
     * What {@link #load} is estimated to need: every dataset's columns and their concatenation, the sort's keys and
     * the ordered arrays (about 100 bytes an event at the peak), a map entry per user and each item's facets.
     */
    public static MemoryNeed bytesToLoad(WorkspaceSize size) {
        return MemoryNeed.heap(100.0 * size.events() + 200.0 * size.users() + 600.0 * size.items());
    }

    /** Orders raw events by user and time; {@code facets} must know every item. */
    static ActivityLog of(long[] users, long[] items, long[] times, byte[] behaviours, ItemFacets facets) {
        int n = users.length;
        long[] ids = Arrays.stream(users).distinct().sorted().toArray();
        Map<Long, Integer> slot = new HashMap<>(ids.length * 2);
        for (int u = 0; u < ids.length; u++) {
            slot.put(ids[u], u);
        }
        int[] userOf = new int[n];
        int[] start = new int[ids.length + 1];
        long minTime = Long.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            userOf[k] = slot.get(users[k]);
            start[userOf[k] + 1]++;
            minTime = Math.min(minTime, times[k]);
        }
        for (int u = 0; u < ids.length; u++) {
            start[u + 1] += start[u];
        }
        // counting sort by user, then each user's events by time (key: time offset above, event index below)
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(start, ids.length);
        for (int k = 0; k < n; k++) {
            keys[fill[userOf[k]]++] = ((times[k] - minTime) << 32) | k;
        }
        long[] time = new long[n];
        int[] item = new int[n];
        byte[] behaviour = new byte[n];
        for (int u = 0; u < ids.length; u++) {
            Arrays.sort(keys, start[u], start[u + 1]);
            for (int p = start[u]; p < start[u + 1]; p++) {
                int k = (int) (keys[p] & 0xffffffffL);
                time[p] = times[k];
                item[p] = facets.slotOf(items[k]);
                behaviour[p] = behaviours[k];
            }
        }
        return new ActivityLog(ids, start, time, item, behaviour, facets);
    }

    public int users() {
        return userIds.length;
    }

    public long userId(int user) {
        return userIds[user];
    }

    /** The user's number, or -1 if the log has no events of theirs. */
    public int userOf(long userId) {
        int at = Arrays.binarySearch(userIds, userId);
        return at >= 0 ? at : -1;
    }

    public int start(int user) {
        return start[user];
    }

    public int end(int user) {
        return start[user + 1];
    }

    public long time(int event) {
        return time[event];
    }

    public int item(int event) {
        return item[event];
    }

    public byte behaviour(int event) {
        return behaviour[event];
    }

    public ItemFacets facets() {
        return facets;
    }

    public int events() {
        return time.length;
    }

    /** The time of the earliest event. */
    public long firstTime() {
        long t = Long.MAX_VALUE;
        for (int u = 0; u < users(); u++) {
            t = Math.min(t, time[start[u]]);
        }
        return t;
    }

    /** The time of the latest event. */
    public long lastTime() {
        long t = Long.MIN_VALUE;
        for (int u = 0; u < users(); u++) {
            t = Math.max(t, time[start[u + 1] - 1]);
        }
        return t;
    }

    /** Whether anyone bought anything (a ratings log has no purchases); looked up once. */
    public boolean hasPurchases() {
        if (hasPurchases == null) {
            boolean any = false;
            for (byte b : behaviour) {
                if (b == Behaviour.BUY.code()) {
                    any = true;
                    break;
                }
            }
            hasPurchases = any;
        }
        return hasPurchases;
    }

    /** The first of the user's events at or after {@code t} (their end when none is). */
    public int firstAtOrAfter(int user, long t) {
        int lo = start[user];
        int hi = start[user + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
