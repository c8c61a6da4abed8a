package io.igw.engine.graph;

import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.events.EventRow;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.graph.GraphBuild;
import io.igw.storage.graph.GraphStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interest graph of one complete build, over the arrays the builder wrote ({@link GraphColumns}), for queries:
 * each user's interests with their evidence, item ↔ item links, category ↔ category links, the users interested in
 * something, users similar to a user, search and labels. Labels come from the catalogue, read once. Storage keeps
 * the build's files and record ({@link GraphStore}); what they mean is here.
 */
public final class InterestGraph {
    private static final int EVIDENCE = GraphColumns.EVIDENCE;

    private final Workspace workspace;
    private final GraphBuild build;
    private final ColumnFolder columns;
    private final long[] userIds;
    private final Map<Long, Integer> userSlot;
    private final long[] itemIds;
    private final long[] categoryIds;
    private final String[] brandNames;
    private final String[] tagNames;
    /** Each tag node's surface forms, head first (one form each in builds from before concepts). */
    private final List<List<String>> tagForms;
    private final int[] edgeStart;
    private final byte[] edgeKind;
    private final int[] edgeTarget;
    private final float[] edgeScore;
    private final float[] edgeWeight;
    private final long[] edgeLast;
    private final int[] edgeEvidence;
    private int[] pairItem;
    private float[] pairBestWeight;
    private byte[] pairBestBehaviour;
    private long[] pairBestTime;
    private CatalogLookup catalog;
    private Map<Long, Integer> itemSlot;
    private int[] linkStart;
    private int[] linkItem;
    private float[] linkLift;
    private int[] categoryLinkA;
    private int[] categoryLinkB;
    private float[] categoryLinkLift;

    /** The graph of the newest complete build, or empty when none has been built. */
    public static Optional<InterestGraph> latest(Workspace workspace) {
        GraphStore store = new GraphStore(workspace);
        return store.latest().map(b -> new InterestGraph(workspace, b, store.columns(b.id())));
    }

    /** The graph of one build. */
    public static InterestGraph open(Workspace workspace, GraphBuild build) {
        return new InterestGraph(workspace, build, new GraphStore(workspace).columns(build.id()));
    }

    private InterestGraph(Workspace workspace, GraphBuild build, ColumnFolder columns) {
        this.workspace = workspace;
        this.build = build;
        this.columns = columns;
        userIds = columns.longs(GraphColumns.USER_IDS);
        userSlot = new HashMap<>(userIds.length * 2);
        for (int u = 0; u < userIds.length; u++) {
            userSlot.put(userIds[u], u);
        }
        itemIds = columns.longs(GraphColumns.ITEM_IDS);
        categoryIds = columns.longs(GraphColumns.CATEGORY_IDS);
        brandNames = columns.strings(GraphColumns.BRAND_NAMES);
        tagNames = columns.strings(GraphColumns.TAG_NAMES);
        tagForms = columns.has(GraphColumns.TAG_FORMS, io.igw.storage.columns.ColumnType.STRING)
                ? Arrays.stream(columns.strings(GraphColumns.TAG_FORMS)).map(TagConcepts::split).toList()
                : Arrays.stream(tagNames).map(List::of).toList();
        edgeStart = columns.ints(GraphColumns.EDGE_START);
        edgeKind = columns.bytes(GraphColumns.EDGE_KIND);
        edgeTarget = columns.ints(GraphColumns.EDGE_TARGET);
        edgeScore = columns.floats(GraphColumns.EDGE_SCORE);
        edgeWeight = columns.floats(GraphColumns.EDGE_WEIGHT);
        edgeLast = columns.longs(GraphColumns.EDGE_LAST);
        edgeEvidence = columns.ints(GraphColumns.EDGE_EVIDENCE);
    }

    public GraphBuild build() {
        return build;
    }

    /** The catalogue the labels come from, read on first use. */
    public CatalogLookup catalog() {
        if (catalog == null) {
            catalog = CatalogLookup.load(workspace);
        }
        return catalog;
    }

    /** Every user in the build, in the order they were first seen. */
    public long[] users() {
        return userIds.clone();
    }

    public boolean hasUser(long userId) {
        return userSlot.containsKey(userId);
    }

    /** A user's interests of one kind (all kinds, categories first, when null), strongest first within a kind. */
    public List<Interest> interests(long userId, GraphKind kind) {
        Integer u = userSlot.get(userId);
        List<Interest> out = new ArrayList<>();
        if (u == null) {
            return out;
        }
        for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
            GraphKind k = GraphKind.ofCode(edgeKind[e]);
            if (kind == null || kind == k) {
                out.add(new Interest(userId, k.label(), targetId(k, edgeTarget[e]), label(k, edgeTarget[e]),
                        edgeScore[e], edgeWeight[e], edgeLast[e]));
            }
        }
        return out;
    }

    /** The strongest events behind each of a user's interests, keyed by {@code kind:target}, strongest first. */
    public Map<String, List<Evidence>> evidence(long userId) {
        Integer u = userSlot.get(userId);
        Map<String, List<Evidence>> out = new LinkedHashMap<>();
        if (u == null) {
            return out;
        }
        loadPairs();
        for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
            GraphKind k = GraphKind.ofCode(edgeKind[e]);
            String target = targetId(k, edgeTarget[e]);
            List<Evidence> list = new ArrayList<>();
            for (int j = 0; j < EVIDENCE; j++) {
                int p = edgeEvidence[e * EVIDENCE + j];
                if (p >= 0) {
                    list.add(new Evidence(userId, k.label(), target, itemIds[pairItem[p]], pairBestBehaviour[p],
                            pairBestTime[p], pairBestWeight[p]));
                }
            }
            out.put(k.label() + ":" + target, list);
        }
        return out;
    }

    /** The item and category links, read on first use and kept: the explorer asks for them node after node. */
    private synchronized void loadLinks() {
        if (linkStart == null) {
            linkItem = columns.ints(GraphColumns.LINK_ITEM);
            linkLift = columns.floats(GraphColumns.LINK_LIFT);
            categoryLinkA = columns.ints(GraphColumns.CATEGORY_LINK_A);
            categoryLinkB = columns.ints(GraphColumns.CATEGORY_LINK_B);
            categoryLinkLift = columns.floats(GraphColumns.CATEGORY_LINK_LIFT);
            linkStart = columns.ints(GraphColumns.LINK_START);
        }
    }

    /** The item's slot in this build, or -1; the index is built on first use. */
    private synchronized int itemIndex(long itemId) {
        if (itemSlot == null) {
            itemSlot = new HashMap<>(itemIds.length * 2);
            for (int i = 0; i < itemIds.length; i++) {
                itemSlot.put(itemIds[i], i);
            }
        }
        return itemSlot.getOrDefault(itemId, -1);
    }

    private synchronized void loadPairs() {
        if (pairItem == null) {
            pairItem = columns.ints(GraphColumns.PAIR_ITEM);
            pairBestWeight = columns.floats(GraphColumns.PAIR_BEST_WEIGHT);
            pairBestBehaviour = columns.bytes(GraphColumns.PAIR_BEST_BEHAVIOUR);
            pairBestTime = columns.longs(GraphColumns.PAIR_BEST_TIME);
        }
    }

    private String targetId(GraphKind k, int target) {
        return switch (k) {
            case CATEGORY -> Long.toString(categoryIds[target]);
            case TAG -> tagNames[target];
            case BRAND -> brandNames[target];
            case ITEM -> Long.toString(itemIds[target]);
        };
    }

    private String label(GraphKind k, int target) {
        return switch (k) {
            case CATEGORY -> categoryLabel(categoryIds[target]);
            case TAG -> tagLabel(target);
            case BRAND -> brandNames[target];
            case ITEM -> itemTitle(itemIds[target]);
        };
    }

    /** A tag node's label: its head, and how many other forms its concept gathers ("火锅底料 (+1 form)"). */
    private String tagLabel(int t) {
        int others = tagForms.get(t).size() - 1;
        return others == 0 ? tagNames[t] : tagNames[t] + " (+" + others + (others == 1 ? " form)" : " forms)");
    }

    /** A category's name; one inferred for uncategorised items is named after its catalogue category, marked. */
    public String categoryLabel(long categoryId) {
        CatalogLookup.Category c = catalog().category(categoryId);
        if (c == null && isInferred(categoryId)) {
            return categoryLabel(InferredCategories.inferredAs(categoryId)) + InferredCategories.LABEL_SUFFIX;
        }
        return c == null ? "category " + categoryId : c.label();
    }

    /** Whether a category node of this graph stands for a category inferred from titles, not the catalogue's. */
    public boolean isInferred(long categoryId) {
        return categoryId < 0 && categoryId != EventRow.NO_CATEGORY && catalog().category(categoryId) == null
                && catalog().category(InferredCategories.inferredAs(categoryId)) != null;
    }

    public String itemTitle(long itemId) {
        CatalogLookup.Item i = catalog().item(itemId);
        return i == null || i.title() == null ? "item " + itemId : i.title();
    }

    /** A linked node: its kind, id, label and the link's strength (lift for items and categories, cosine for users). */
    public record Link(String kind, String id, String label, double strength) {
    }

    /** The items most often seen in the same sessions as this one, by lift, strongest first. */
    public List<Link> itemLinks(long itemId) {
        int i = itemIndex(itemId);
        List<Link> out = new ArrayList<>();
        if (i < 0) {
            return out;
        }
        loadLinks();
        int[] start = linkStart;
        int[] other = linkItem;
        float[] lift = linkLift;
        for (int k = start[i]; k < start[i + 1]; k++) {
            long id = itemIds[other[k]];
            out.add(new Link("item", Long.toString(id), itemTitle(id), lift[k]));
        }
        return out;
    }

    /**
     * A category's place in the catalogue's tree: its parent (first, if any) and its children; for an inferred
     * category, the catalogue category it was inferred as.
     */
    public List<Link> categoryTree(long categoryId) {
        List<Link> out = new ArrayList<>();
        if (isInferred(categoryId)) {
            long as = InferredCategories.inferredAs(categoryId);
            out.add(new Link("category", Long.toString(as), categoryLabel(as), 1.0));
            return out;
        }
        CatalogLookup.Category c = catalog().category(categoryId);
        if (c != null && c.parentId() != null) {
            out.add(new Link("category", Long.toString(c.parentId()), categoryLabel(c.parentId()), 1.0));
        }
        catalog().categories().values().stream()
                .filter(child -> child.parentId() != null && child.parentId() == categoryId)
                .sorted(java.util.Comparator.comparingLong(CatalogLookup.Category::id))
                .forEach(child -> out.add(new Link("category", Long.toString(child.id()), child.label(), 1.0)));
        return out;
    }

    /** Category pairs that users are interested in together more than chance, by lift, strongest first. */
    public List<Link[]> categoryLinks() {
        loadLinks();
        int[] a = categoryLinkA;
        int[] b = categoryLinkB;
        float[] lift = categoryLinkLift;
        List<Link[]> out = new ArrayList<>();
        for (int k = 0; k < a.length; k++) {
            String ida = Long.toString(categoryIds[a[k]]);
            String idb = Long.toString(categoryIds[b[k]]);
            out.add(new Link[]{new Link("category", ida, categoryLabel(categoryIds[a[k]]), lift[k]),
                new Link("category", idb, categoryLabel(categoryIds[b[k]]), lift[k])});
        }
        return out;
    }

    /**
     * The {@code k} users whose category and tag interests are most like this user's (cosine of the share vectors),
     * most similar first. An exact scan over every user's sparse vector: a few milliseconds per thousand users.
     */
    public List<Link> similarUsers(long userId, int k) {
        Integer u = userSlot.get(userId);
        List<Link> out = new ArrayList<>();
        if (u == null) {
            return out;
        }
        int dims = categoryIds.length + tagNames.length;
        double[] mine = new double[dims];
        double mineNorm = fill(u, mine, 1);
        double[] scores = new double[userIds.length];
        for (int v = 0; v < userIds.length; v++) {
            if (v == u) {
                continue;
            }
            double dot = 0;
            double norm = 0;
            for (int e = edgeStart[v]; e < edgeStart[v + 1]; e++) {
                int d = dimension(e);
                if (d >= 0) {
                    dot += mine[d] * edgeScore[e];
                    norm += (double) edgeScore[e] * edgeScore[e];
                }
            }
            scores[v] = norm == 0 || mineNorm == 0 ? 0 : dot / Math.sqrt(norm * mineNorm);
        }
        Integer[] order = new Integer[userIds.length];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        for (int j = 0; j < order.length && out.size() < k; j++) {
            int v = order[j];
            if (v != u && scores[v] > 0) {
                out.add(new Link("user", Long.toString(userIds[v]), "user " + userIds[v], scores[v]));
            }
        }
        return out;
    }

    private double fill(int u, double[] vector, double scale) {
        double norm = 0;
        for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
            int d = dimension(e);
            if (d >= 0) {
                vector[d] = edgeScore[e] * scale;
                norm += vector[d] * vector[d];
            }
        }
        return norm;
    }

    private int dimension(int edge) {
        return edgeKind[edge] == GraphKind.CATEGORY.code() ? edgeTarget[edge]
                : edgeKind[edge] == GraphKind.TAG.code() ? categoryIds.length + edgeTarget[edge] : -1;
    }

    /**
     * The users interested in one category, tag, brand or item, strongest interest first, at most {@code limit}:
     * a scan of every interest edge (a few milliseconds per million).
     */
    public List<Interest> interestedUsers(GraphKind kind, String target, int limit) {
        int t = targetIndex(kind, target);
        List<Interest> out = new ArrayList<>();
        if (t < 0) {
            return out;
        }
        long[] packed = new long[16];
        int n = 0;
        for (int u = 0; u < userIds.length; u++) {
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                if (edgeKind[e] == kind.code() && edgeTarget[e] == t) {
                    if (n == packed.length) {
                        packed = Arrays.copyOf(packed, n * 2);
                    }
                    packed[n++] = ((long) Float.floatToIntBits(edgeScore[e]) << 32) | e;
                }
            }
        }
        Arrays.sort(packed, 0, n);
        String label = label(kind, t);
        for (int k = n - 1; k >= 0 && out.size() < limit; k--) {
            int e = (int) packed[k];
            int u = userOfEdge(e);
            out.add(new Interest(userIds[u], kind.label(), targetId(kind, t), label, edgeScore[e], edgeWeight[e], edgeLast[e]));
        }
        return out;
    }

    private int userOfEdge(int e) {
        int k = Arrays.binarySearch(edgeStart, e);
        if (k >= 0) {
            while (k + 1 < edgeStart.length && edgeStart[k + 1] == e) {
                k++;
            }
            return k;
        }
        return -k - 2;
    }

    /** The node index of a category, tag, brand or item in this build, or -1. */
    private int targetIndex(GraphKind kind, String target) {
        try {
            return switch (kind) {
                case CATEGORY -> indexOf(categoryIds, Long.parseLong(target));
                case ITEM -> itemIndex(Long.parseLong(target));
                case TAG -> tagIndex(target);
                case BRAND -> Arrays.asList(brandNames).indexOf(target);
            };
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The tag node (a concept) that has {@code form} as its head or as one of its forms, or -1. */
    private int tagIndex(String form) {
        int head = Arrays.asList(tagNames).indexOf(form);
        if (head >= 0) {
            return head;
        }
        for (int t = 0; t < tagForms.size(); t++) {
            if (tagForms.get(t).contains(form)) {
                return t;
            }
        }
        return -1;
    }

    /**
     * The forms a tag node is written as, its head first: the tags that mean the same and were gathered into one
     * concept (just the tag itself when it is alone, or unknown).
     */
    public List<String> tagForms(String tag) {
        int t = tagIndex(tag);
        return t < 0 ? List.of(tag) : tagForms.get(t);
    }

    /** A node the search found: its kind ("user" or a {@link GraphKind} label), id and label. */
    public record Node(String kind, String id, String label) {
    }

    /**
     * Nodes matching what someone typed: a number is a user, item or category id; words match category names,
     * tags and brands (exactly first, then by prefix, ignoring case). At most {@code limit}.
     */
    public List<Node> search(String text, int limit) {
        List<Node> exact = new ArrayList<>();
        List<Node> prefix = new ArrayList<>();
        String q = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.isEmpty()) {
            return exact;
        }
        if (q.chars().allMatch(Character::isDigit) && q.length() < 19) {
            long id = Long.parseLong(q);
            if (userSlot.containsKey(id)) {
                exact.add(new Node("user", q, "user " + q));
            }
            if (itemIndex(id) >= 0) {
                exact.add(new Node("item", q, itemTitle(id)));
            }
            if (indexOf(categoryIds, id) >= 0 || catalog().category(id) != null) {
                exact.add(new Node("category", q, categoryLabel(id)));
            }
        }
        for (CatalogLookup.Category c : catalog().categories().values()) {
            String label = c.label();
            String lower = label.toLowerCase(java.util.Locale.ROOT);
            (lower.equals(q) ? exact : prefix).add(lower.startsWith(q) ? new Node("category", Long.toString(c.id()), label) : null);
        }
        for (long c : categoryIds) {
            if (catalog().category(c) == null && Long.toString(c).equals(q) && exact.stream().noneMatch(
                    n -> n.kind().equals("category") && n.id().equals(q))) {
                exact.add(new Node("category", q, categoryLabel(c)));
            }
        }
        for (int t = 0; t < tagNames.length; t++) {
            String head = tagNames[t];
            List<String> forms = tagForms.get(t);
            boolean equal = forms.contains(q);
            boolean starts = forms.stream().anyMatch(f -> f.startsWith(q));
            (equal ? exact : prefix).add(starts ? new Node("tag", head, tagLabel(t)) : null);
        }
        for (String b : brandNames) {
            String lower = b.toLowerCase(java.util.Locale.ROOT);
            (lower.equals(q) ? exact : prefix).add(lower.startsWith(q) ? new Node("brand", b, b) : null);
        }
        exact.removeIf(java.util.Objects::isNull);
        prefix.removeIf(java.util.Objects::isNull);
        exact.addAll(prefix);
        return exact.subList(0, Math.min(limit, exact.size()));
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
