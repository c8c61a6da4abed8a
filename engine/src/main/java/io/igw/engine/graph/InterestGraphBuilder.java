package io.igw.engine.graph;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventRow;
import io.igw.storage.events.EventScan;
import io.igw.storage.graph.GraphStore;
import io.igw.storage.stats.WorkspaceStats;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the interest graph from every event in one pass: each (user, item) pair gets the sum of its events'
 * behaviour weights, decayed exponentially to the as-of time; pairs roll up into user → category and user → brand
 * interests, and into user → tag interests through each item's TF-IDF tags; each kind is normalised to shares per user, small shares are pruned, and each interest keeps as
 * evidence the strongest events behind it. Everything lives in id-remapped primitive arrays; the result is written
 * in bulk as a new build, which replaces nothing until it is complete.
 */
public final class InterestGraphBuilder implements Job<GraphBuildSummary> {
    static final byte CATEGORY = 0;
    static final byte BRAND = 1;
    static final byte ITEM = 2;
    static final byte TAG = 3;
    static final String[] KINDS = {"category", "brand", "item", "tag"};
    private static final int EVIDENCE_PER_INTEREST = 3;

    private final Workspace workspace;
    private final GraphParameters params;

    public InterestGraphBuilder(Workspace workspace, GraphParameters params) {
        this.workspace = workspace;
        this.params = params;
    }

    @Override
    public GraphBuildSummary run(JobContext context) throws Exception {
        long t0 = System.nanoTime();
        long[] range = new WorkspaceStats(workspace).timeRange();
        if (range == null) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
        }
        long asOf = params.asOf() != null ? params.asOf() : range[1];
        String dataVersion = new DatasetStore(workspace).completeIds(null).stream().map(String::valueOf)
                .collect(Collectors.joining(","));
        GraphStore store = new GraphStore(workspace);
        int build = store.begin(asOf, params.halfLifeDays(), params.describe(), "datasets " + dataVersion);
        try {
            context.progress(0, "reading the catalogue");
            CatalogLookup catalog = CatalogLookup.load(workspace);
            Pairs pairs = new Pairs();
            double[] weights = params.weightsByCode();
            long[] seen = new long[1];
            long events = new EventScan(workspace).scan((user, item, category, behaviour, time, strength) -> {
                if (++seen[0] % 65_536 == 0) {
                    context.checkCancelled();
                    context.progress(-1, String.format("%,d events read", seen[0]));
                }
                if (time <= asOf) {
                    pairs.add(user, item, category, params.weight(weights, behaviour, strength, asOf - time), behaviour, time);
                }
            });
            context.checkCancelled();
            context.progress(0.55, "extracting tags from item titles and reviews");
            ItemTags tags = ItemTags.extract(pairs.items, catalog, new io.igw.storage.catalog.ReviewTexts(workspace).byItem());
            context.checkCancelled();
            context.progress(0.65, "rolling items up into categories, brands and tags");
            Interests interests = new Interests(pairs, catalog, params, tags);
            context.progress(0.7, "writing the graph");
            long edges = store.writeEdges(build, interests.edgeRows(catalog));
            long evidence = store.writeEvidence(build, interests.evidenceRows());
            double seconds = (System.nanoTime() - t0) / 1e9;
            store.complete(build, events, seconds);
            Map<String, Long> nodes = new LinkedHashMap<>();
            nodes.put("user", (long) pairs.users.size());
            nodes.put("item", (long) pairs.items.size());
            nodes.put("category", (long) interests.categories.size());
            nodes.put("brand", (long) interests.brands.size());
            nodes.put("tag", (long) tags.names().length);
            Map<String, Long> edgeCounts = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : store.edgeCounts(build).entrySet()) {
                edgeCounts.put("user_" + e.getKey(), e.getValue());
            }
            context.progress(1, String.format("%,d edges", edges));
            return new GraphBuildSummary(build, asOf, params.halfLifeDays(), events, nodes, edgeCounts, evidence, seconds);
        } catch (Exception | Error e) {
            store.discard(build);
            throw e;
        }
    }

    /** Users, items and their decayed (user, item) weights, with each pair's strongest event. */
    static final class Pairs {
        final LongSlots users = new LongSlots(1 << 12);
        final LongSlots items = new LongSlots(1 << 14);
        final LongSlots pairs = new LongSlots(1 << 16);
        long[] itemCategory = filled(1 << 14);
        float[] weight = new float[1 << 16];
        long[] last = new long[1 << 16];
        float[] bestWeight = new float[1 << 16];
        byte[] bestBehaviour = new byte[1 << 16];
        long[] bestTime = new long[1 << 16];

        void add(long user, long item, long category, double w, byte behaviour, long time) {
            int u = users.slot(user);
            int i = items.slot(item);
            if (i >= itemCategory.length) {
                int old = itemCategory.length;
                itemCategory = Arrays.copyOf(itemCategory, old * 2);
                Arrays.fill(itemCategory, old, itemCategory.length, EventRow.NO_CATEGORY);
            }
            if (itemCategory[i] == EventRow.NO_CATEGORY) {
                itemCategory[i] = category;
            }
            int p = pairs.slot(((long) u << 32) | i);
            if (p >= weight.length) {
                int n = weight.length * 2;
                weight = Arrays.copyOf(weight, n);
                last = Arrays.copyOf(last, n);
                bestWeight = Arrays.copyOf(bestWeight, n);
                bestBehaviour = Arrays.copyOf(bestBehaviour, n);
                bestTime = Arrays.copyOf(bestTime, n);
            }
            weight[p] += (float) w;
            last[p] = Math.max(last[p], time);
            if (w > bestWeight[p]) {
                bestWeight[p] = (float) w;
                bestBehaviour[p] = behaviour;
                bestTime[p] = time;
            }
        }

        int userOf(int pair) {
            return (int) (pairs.key(pair) >>> 32);
        }

        int itemOf(int pair) {
            return (int) pairs.key(pair);
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            Arrays.fill(a, EventRow.NO_CATEGORY);
            return a;
        }
    }
}
