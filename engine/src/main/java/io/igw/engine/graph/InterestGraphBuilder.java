package io.igw.engine.graph;

import io.igw.engine.errors.NotEnoughMemory;
import io.igw.engine.task.CancelledException;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Cleanup;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.columns.ColumnType;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import io.igw.storage.events.EventRow;
import io.igw.storage.graph.GraphBuild;
import io.igw.engine.graph.GraphKind;
import io.igw.storage.graph.GraphStore;
import io.igw.storage.stats.WorkspaceStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the interest graph. Each (user, item) pair gets the sum of its events' behaviour weights, decayed
 * exponentially to the as-of time; pairs roll up into user → category, brand and tag interests ({@link Interests});
 * sessions give item ↔ item links ({@link ItemLinks}) and shared interests category ↔ category links. Events come
 * from the columnar snapshots, never from a scan of H2; everything lives in id-remapped primitive arrays, and the
 * result is a new build that replaces nothing until it is complete.
 *
 * <p>An <em>update</em> continues from the latest build instead: it decays that build's pair weights to the new
 * as-of time, adds only the events of datasets imported since, and recounts the sessions of the users those events
 * touch. The result equals a full build over all the data (within float rounding); when the latest build cannot
 * be continued (other parameters, or events it left out as being after its as-of time) a full build runs.
 */
public final class InterestGraphBuilder implements Job<GraphBuildSummary> {
    private static final int LINKS_PER_ITEM = 20;
    /** A session's distinct items beyond this many (in time order) are not paired: what another engine must do too. */
    public static final int MAX_SESSION_ITEMS = ItemLinks.MAX_SESSION_ITEMS;
    private static final int MIN_SESSIONS_PER_LINK = 2;
    /**
     * Heap a build needs per event, and beside the events: measured on generated logs, the smallest heap that built
     * 475,532 events was 110–125 MB and 4,732,071 events 700–750 MB; {@code igw bench memory} measured 84 MB live
     * above an idle workbench for 97,064 events, so the part beside the events is 100 MB. Memory still grows with the
     * log: the users' (user, item) pairs, the events kept for counting sessions and the sessions' item pairs (about
     * two per event).
     */
    static final long BYTES_PER_EVENT = 150;
    static final long BYTES_BESIDE_EVENTS = 100L << 20;

    private final Workspace workspace;
    private final GraphParameters params;
    private final boolean update;
    private final AggregatedEvents aggregated;

    private InterestGraphBuilder(Workspace workspace, GraphParameters params, boolean update, AggregatedEvents aggregated) {
        this.workspace = workspace;
        this.params = params;
        this.update = update;
        this.aggregated = aggregated;
    }

    /** A full build over every event. */
    public static InterestGraphBuilder full(Workspace workspace, GraphParameters params) {
        return new InterestGraphBuilder(workspace, params, false, null);
    }

    /**
     * A full build from events another engine aggregated (the Spark job): its pairs, item counts and totals stand in
     * for the pass over the events; interests, item links by lift and category links come from the same code as a
     * local build's. The aggregates must have been made with these parameters, over the workspace's datasets.
     */
    public static InterestGraphBuilder fromAggregates(Workspace workspace, GraphParameters params, AggregatedEvents aggregated) {
        return new InterestGraphBuilder(workspace, params, false, aggregated);
    }

    /** An update of the latest build with the datasets imported since (a full build when there is none). */
    public static InterestGraphBuilder update(Workspace workspace, GraphParameters params) {
        return new InterestGraphBuilder(workspace, params, true, null);
    }

    /** The heap a build (or an update, which carries every pair) of this many events is estimated to need. */
    public static long neededBytes(long events) {
        return BYTES_BESIDE_EVENTS + BYTES_PER_EVENT * events;
    }

    /** What graph builds and updates take turns on: only one of them writes a workspace's graph at a time. */
    static final String GRAPH = "the interest graph";

    @Override
    public GraphBuildSummary run(JobContext context) throws Exception {
        Workspace.Turn turn = workspace.turnToWrite(GRAPH, context::isCancelled,
                () -> context.progress(0, "waiting for the other graph build to finish"));
        if (turn == null) {
            throw new CancelledException();
        }
        try (turn) {
            return build(context);
        }
    }

    private GraphBuildSummary build(JobContext context) throws Exception {
        long t0 = System.nanoTime();
        long[] range = new WorkspaceStats(workspace).timeRange();
        if (range == null) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
        }
        DatasetStore datasetStore = new DatasetStore(workspace);
        List<Integer> datasets = datasetStore.completeIds(DatasetKind.EVENTS);
        GraphStore store = new GraphStore(workspace);
        Optional<GraphBuild> base = update ? continuable(store, datasets) : Optional.empty();
        if (base.isPresent() && datasets.equals(base.get().datasets()) && params.asOf() == null
                && factsVersion(catalogueVersion(datasetStore), InferredCategories.current(workspace), TagConcepts.current(workspace))
                        .equals(catalogueOf(store.columns(base.get().id())))) {
            context.progress(1, "the graph is up to date");
            return summary(base.get(), 0, (System.nanoTime() - t0) / 1e9, Counts.of(store.columns(base.get().id())));
        }
        long asOf = params.asOf() != null ? params.asOf() : range[1];
        if (aggregated != null) {
            return fromAggregates(context, t0, datasetStore, datasets, store);
        }
        // only once there is work to do: an update that finds the graph up to date is never refused
        NotEnoughMemory.check("graph build", neededBytes(new WorkspaceStats(workspace).events()));
        String dataVersion = "datasets " + datasets.stream().map(String::valueOf).collect(Collectors.joining(","));
        int build = store.begin(asOf, params.halfLifeDays(), params.describe(), dataVersion,
                base.map(GraphBuild::id).orElse(null));
        try (ColumnFolderWriter out = store.writer(build)) {
            EventColumns snapshots = new EventColumns(workspace);
            PairState pairs;
            ItemLinks links;
            long before = 0;
            Added added = null;
            ColumnFolder previous = null;
            if (base.isPresent()) {
                context.progress(0.05, "continuing build " + base.get().id());
                previous = store.columns(base.get().id());
                pairs = PairState.load(previous);
                links = ItemLinks.load(previous, pairs.items.size());
                List<Integer> newer = new ArrayList<>(datasets);
                newer.removeAll(base.get().datasets());
                before = pairs.events;
                added = addEvents(context, snapshots, base.get().datasets(), newer, asOf, pairs, links);
            } else {
                pairs = new PairState(asOf);
                links = new ItemLinks(1 << 14);
                addEvents(context, snapshots, List.of(), datasets, asOf, pairs, links);
            }
            return finish(context, t0, out, build, store, datasetStore, pairs, links, previous, added, before);
        } catch (Exception | Error e) {
            Cleanup.after(e, () -> store.discard(build));
            throw e;
        }
    }

    /** Everything after the pass over the events, shared by local builds, updates and aggregated builds. */
    private GraphBuildSummary finish(JobContext context, long t0, ColumnFolderWriter out, int build, GraphStore store,
                                     DatasetStore datasetStore, PairState pairs, ItemLinks links, ColumnFolder previous,
                                     Added added, long before) {
        context.checkCancelled();
        // the sessions' item pairs are the largest table: written, and let go, before the catalogue is read
        context.progress(0.55, "linking items seen in the same sessions");
        int itemLinks = links.save(out, pairs.items.size(), MIN_SESSIONS_PER_LINK, LINKS_PER_ITEM);
        links = null;
        context.progress(0.6, "reading the catalogue");
        String catalogueVersion = catalogueVersion(datasetStore);
        CatalogueFacts catalogue = CatalogueFacts.cached(store.catalogueCache("catalogue", catalogueVersion),
                () -> CatalogLookup.load(workspace, false));
        context.progress(0.65, "tagging items from titles and reviews");
        ItemTags tags = ItemTags.of(workspace, catalogueVersion, () -> CatalogLookup.load(workspace));
        context.checkCancelled();
        context.progress(0.75, "rolling items up into categories, brands and tags");
        Optional<InferredCategories> inferred = InferredCategories.current(workspace);
        Optional<TagConcepts> concepts = TagConcepts.current(workspace);
        ItemFacts facts = new ItemFacts(pairs, catalogue, tags,
                inferred.map(InferredCategories::lookup).orElse(InferredCategories.Lookup.NONE),
                concepts.orElse(TagConcepts.none()));
        String factsVersion = factsVersion(catalogueVersion, inferred, concepts);
        boolean sameCatalogue = previous != null && factsVersion.equals(catalogueOf(previous));
        Interests interests = new Interests(pairs, facts, params,
                sameCatalogue ? Interests.earlier(previous, added.factor(), added.touched()) : null);
        context.checkCancelled();
        context.progress(0.85, "writing the graph");
        pairs.save(out);
        out.strings(GraphColumns.CATALOGUE_VERSION, new String[]{factsVersion});
        facts.save(out);
        interests.save(out);
        int categoryLinks = CategoryLinks.save(out, interests, facts.categories.size());
        out.commit();
        double seconds = (System.nanoTime() - t0) / 1e9;
        store.complete(build, pairs.events, seconds);
        context.progress(1, String.format("%,d interest edges", interests.count));
        Counts counts = Counts.of(pairs.users.size(), pairs.items.size(), facts.categories.size(), facts.brandNames.length,
                facts.conceptNames.length, interests.kind, interests.count, interests.evidence, itemLinks, categoryLinks);
        return summary(store.find(build).orElseThrow(), pairs.events - before, seconds, counts);
    }

    private GraphBuildSummary fromAggregates(JobContext context, long t0, DatasetStore datasetStore, List<Integer> datasets,
                                             GraphStore store) throws Exception {
        String dataVersion = "datasets " + datasets.stream().map(String::valueOf).collect(Collectors.joining(","));
        int build = store.begin(aggregated.asOf(), params.halfLifeDays(), params.describe(), dataVersion, null, "spark");
        try (ColumnFolderWriter out = store.writer(build)) {
            context.progress(0.3, "reading the aggregated items");
            PairState pairs = new PairState(aggregated.asOf());
            int[][] itemSessions = {new int[1 << 14]};
            aggregated.items((item, category, sessions) -> {
                int slot = pairs.item(item, category == null ? EventRow.NO_CATEGORY : category);
                if (slot >= itemSessions[0].length) {
                    itemSessions[0] = java.util.Arrays.copyOf(itemSessions[0], itemSessions[0].length * 2);
                }
                itemSessions[0][slot] = Math.toIntExact(sessions);
            });
            context.checkCancelled();
            context.progress(0.35, "reading the aggregated (user, item) pairs");
            aggregated.pairs((user, item, weight, last, bestWeight, bestBehaviour, bestTime) -> pairs.put(user, item,
                    (float) weight, last, (float) bestWeight, behaviourCode(bestBehaviour), bestTime));
            pairs.events = aggregated.events();
            pairs.skipped = aggregated.skipped();
            context.checkCancelled();
            context.progress(0.45, "reading the aggregated item pairs");
            ItemLinks links = ItemLinks.counted(java.util.Arrays.copyOf(itemSessions[0], pairs.items.size()), aggregated.sessions());
            aggregated.itemPairs((a, b, sessions) -> links.together(slotOf(pairs, a), slotOf(pairs, b), Math.toIntExact(sessions)));
            context.checkCancelled();
            return finish(context, t0, out, build, store, datasetStore, pairs, links, null, null, 0);
        } catch (Exception | Error e) {
            Cleanup.after(e, () -> store.discard(build));
            throw e;
        }
    }

    private static int slotOf(PairState pairs, long item) {
        int slot = pairs.items.find(item);
        if (slot < 0) {
            throw new IllegalArgumentException("item pair of item " + item + ", which the aggregates' items do not list");
        }
        return slot;
    }

    private static byte behaviourCode(String label) {
        return io.igw.storage.Behaviour.ofLabel(label).orElseThrow(() -> new IllegalArgumentException(
                "the aggregates name a behaviour '" + label + "' the workbench does not know")).code();
    }

    /**
     * What a build's item facts come from: the catalogue version, and the inferred categories and tag concepts when
     * there are any, so that running {@code igw categorise} or {@code igw encode} makes the next update roll up again.
     */
    private static String factsVersion(String catalogueVersion, Optional<InferredCategories> inferred,
                                       Optional<TagConcepts> concepts) {
        return catalogueVersion + inferred.map(i -> " + " + i.stamp()).orElse("")
                + concepts.map(c -> " + " + c.stamp()).orElse("");
    }

    /** The catalogue version a build was made with (null for builds that did not record it). */

    private static String catalogueOf(ColumnFolder build) {
        return build.has(GraphColumns.CATALOGUE_VERSION, ColumnType.STRING) ? build.strings(GraphColumns.CATALOGUE_VERSION)[0] : null;
    }

    /** Names the catalogue (items and reviews) a build's tags come from: the datasets it was imported as. */
    public static String catalogueVersion(DatasetStore datasets) {
        return "c" + datasets.list().stream().filter(d -> d.kind() == DatasetKind.ITEMS || d.kind() == DatasetKind.REVIEWS)
                .map(d -> String.valueOf(d.id())).collect(Collectors.joining("_"));
    }

    /** The latest build, when an update can continue it: same parameters, and no event left out after its as-of. */
    private Optional<GraphBuild> continuable(GraphStore store, List<Integer> datasets) {
        Optional<GraphBuild> latest = store.latest();
        if (latest.isEmpty() || !latest.get().parameters().equals(params.describe())
                || !datasets.containsAll(latest.get().datasets())) {
            return Optional.empty();
        }
        long[] state = store.columns(latest.get().id()).longs(GraphColumns.STATE);
        boolean leftOut = state.length > 2 && state[2] > 0;
        return leftOut || params.asOf() != null && params.asOf() < latest.get().asOf() ? Optional.empty() : latest;
    }

    /**
     * Adds the events of {@code added} datasets to the pairs and the item links. For the users they touch, the
     * sessions already counted from the {@code earlier} datasets are taken back first and counted again with the
     * new events among them.
     */
    private record Added(float factor, java.util.BitSet touched) {
    }

    private Added addEvents(JobContext context, EventColumns snapshots, List<Integer> earlier, List<Integer> added,
                            long asOf, PairState pairs, ItemLinks links) {
        float factor = pairs.decayTo(asOf, params.halfLifeDays());
        double[] weights = params.weightsByCode();
        UserEvents touched = new UserEvents();
        int done = 0;
        for (int id : added) {
            context.checkCancelled();
            context.progress(0.05 + 0.45 * done++ / added.size(), "reading dataset " + id);
            snapshots.slices(id, false, b -> {
                context.checkCancelled();
                for (int k = 0; k < b.size(); k++) {
                    long time = b.time()[k];
                    if (time > asOf) {
                        pairs.skipped++;
                        continue;
                    }
                    int p = pairs.add(b.user()[k], b.item()[k], b.category()[k],
                            params.weight(weights, b.behaviour()[k], b.strength()[k], asOf - time), b.behaviour()[k], time);
                    touched.add(pairs.userOf(p), time, pairs.itemOf(p), false);
                }
            });
        }
        if (!earlier.isEmpty()) {
            context.progress(0.5, "recounting the sessions of " + touched.userCount() + " users");
            for (int id : earlier) {
                context.checkCancelled();
                snapshots.slices(id, true, b -> {
                    context.checkCancelled();
                    for (int k = 0; k < b.size(); k++) {
                        int u = pairs.users.find(b.user()[k]);
                        if (u >= 0 && touched.has(u) && b.time()[k] <= asOf) {
                            touched.add(u, b.time()[k], pairs.items.find(b.item()[k]), true);
                        }
                    }
                });
            }
        }
        touched.countSessions(links, params.sessionGapSeconds());
        return new Added(factor, touched.users());
    }

    /** Node and edge counts per kind, and how many evidence events the interests keep. */
    private record Counts(Map<String, Long> nodes, Map<String, Long> edges, long evidence) {
        static Counts of(long users, long items, long categories, long brands, long tags, byte[] edgeKinds, int edgeCount,
                         int[] evidence, long itemLinks, long categoryLinks) {
            Map<String, Long> nodes = new LinkedHashMap<>();
            nodes.put("user", users);
            nodes.put("item", items);
            nodes.put("category", categories);
            nodes.put("brand", brands);
            nodes.put("tag", tags);
            long[] perKind = new long[GraphKind.values().length];
            for (int e = 0; e < edgeCount; e++) {
                perKind[edgeKinds[e]]++;
            }
            Map<String, Long> edges = new LinkedHashMap<>();
            for (GraphKind k : GraphKind.values()) {
                edges.put("user_" + k.label(), perKind[k.code()]);
            }
            edges.put("item_item", itemLinks);
            edges.put("category_category", categoryLinks);
            long kept = 0;
            for (int e = 0; e < edgeCount * GraphColumns.EVIDENCE; e++) {
                kept += evidence[e] >= 0 ? 1 : 0;
            }
            return new Counts(nodes, edges, kept);
        }

        /** The counts of a stored build, for an update that finds nothing new. */
        static Counts of(ColumnFolder f) {
            byte[] kinds = f.bytes(GraphColumns.EDGE_KIND);
            return of(f.longs(GraphColumns.USER_IDS).length, f.longs(GraphColumns.ITEM_IDS).length, f.longs(GraphColumns.CATEGORY_IDS).length,
                    f.strings(GraphColumns.BRAND_NAMES).length, f.strings(GraphColumns.TAG_NAMES).length, kinds, kinds.length,
                    f.ints(GraphColumns.EDGE_EVIDENCE), f.ints(GraphColumns.LINK_ITEM).length, f.ints(GraphColumns.CATEGORY_LINK_A).length);
        }
    }

    private static GraphBuildSummary summary(GraphBuild build, long events, double seconds, Counts counts) {
        return new GraphBuildSummary(build.id(), build.asOf(), build.halfLifeDays(), build.events(), events,
                build.madeBy(), counts.nodes(), counts.edges(), counts.evidence(), seconds);
    }
}
