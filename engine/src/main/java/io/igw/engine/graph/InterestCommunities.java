package io.igw.engine.graph;

import io.igw.engine.errors.MissingPrerequisite;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.graph.GraphBuild;
import io.igw.engine.graph.GraphKind;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.InterestGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interest communities of a build: Louvain over the user–category/tag projection (users joined to the categories
 * and tags they are interested in, weighted by share), so that users who share interests fall together with those
 * interests. Each community is labelled by the categories and tags its users care most about, with its size in
 * users. Computed once per build and kept beside it.
 */
public final class InterestCommunities implements Job<InterestCommunities.Result> {
    private static final long SEED = 42;
    private static final int LABELS = 3;

    /** A category or tag that characterises a community, with its mean share among the community's users. */
    public record Label(String kind, String id, String label, double share) {
    }

    public record Community(int id, int users, List<Label> categories, List<Label> tags) {
    }

    /**
     * @param membership each user's, category's and tag's community number, keyed {@code user:ID},
     *                   {@code category:ID}, {@code tag:NAME} (for colouring the explorer)
     */
    public record Result(int buildId, double modularity, int users, List<Community> communities,
                         Map<String, Integer> membership, double seconds) {
    }

    private final Workspace workspace;

    public InterestCommunities(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Result run(JobContext context) {
        long t0 = System.nanoTime();
        GraphStore store = new GraphStore(workspace);
        GraphBuild build = store.latest().orElseThrow(() -> new MissingPrerequisite(MissingPrerequisite.Need.GRAPH));
        ColumnFolder f = store.columns(build.id());
        int users = f.longs(GraphColumns.USER_IDS).length;
        int categories = f.longs(GraphColumns.CATEGORY_IDS).length;
        int tags = f.strings(GraphColumns.TAG_NAMES).length;
        Path cache = store.columnsPath(build.id()).resolve("communities");
        int[] community;
        double modularity;
        record Kept(int[] community, double modularity) {
        }
        java.util.Optional<Kept> kept = ColumnFolder.readCache(cache, c -> new Kept(c.ints("community"), c.floats("modularity")[0]));
        if (kept.isPresent()) {
            community = kept.get().community();
            modularity = kept.get().modularity();
        } else {
            context.progress(0.1, "finding communities among " + users + " users");
            Louvain.Result r = Louvain.detect(projection(f, users, categories, tags), SEED);
            community = r.community();
            modularity = r.modularity();
            try (ColumnFolderWriter w = new ColumnFolderWriter(cache)) {
                w.ints("community", community, community.length);
                w.floats("modularity", new float[]{(float) modularity}, 1);
                w.commit();
            }
        }
        context.progress(0.8, "labelling communities");
        Map<Integer, Integer> numbers = new HashMap<>();
        List<Community> list = label(InterestGraph.open(workspace, build), f, community, users, categories, tags, numbers);
        Map<String, Integer> membership = new HashMap<>();
        long[] userIds = f.longs(GraphColumns.USER_IDS);
        long[] categoryIds = f.longs(GraphColumns.CATEGORY_IDS);
        String[] tagNames = f.strings(GraphColumns.TAG_NAMES);
        for (int i = 0; i < community.length; i++) {
            Integer number = numbers.get(community[i]);
            if (number == null) {
                continue;
            }
            String key = i < users ? "user:" + userIds[i] : i < users + categories ? "category:" + categoryIds[i - users]
                    : "tag:" + tagNames[i - users - categories];
            membership.put(key, number);
        }
        return new Result(build.id(), modularity, users, list, membership, (System.nanoTime() - t0) / 1e9);
    }

    /** Nodes: users, then categories, then tags; an edge per category or tag interest, both ways. */
    private static Louvain.Graph projection(ColumnFolder f, int users, int categories, int tags) {
        int[] start = f.ints(GraphColumns.EDGE_START);
        byte[] kind = f.bytes(GraphColumns.EDGE_KIND);
        int[] target = f.ints(GraphColumns.EDGE_TARGET);
        float[] score = f.floats(GraphColumns.EDGE_SCORE);
        int n = users + categories + tags;
        int[] degree = new int[n + 1];
        for (int u = 0; u < users; u++) {
            for (int e = start[u]; e < start[u + 1]; e++) {
                int t = node(kind[e], target[e], users, categories);
                if (t >= 0) {
                    degree[u + 1]++;
                    degree[t + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            degree[i + 1] += degree[i];
        }
        int[] adjacent = new int[degree[n]];
        double[] weight = new double[degree[n]];
        int[] fill = Arrays.copyOf(degree, n);
        for (int u = 0; u < users; u++) {
            for (int e = start[u]; e < start[u + 1]; e++) {
                int t = node(kind[e], target[e], users, categories);
                if (t >= 0) {
                    adjacent[fill[u]] = t;
                    weight[fill[u]++] = score[e];
                    adjacent[fill[t]] = u;
                    weight[fill[t]++] = score[e];
                }
            }
        }
        return new Louvain.Graph(degree, adjacent, weight);
    }

    private static int node(byte kind, int target, int users, int categories) {
        if (kind == GraphKind.CATEGORY.code()) {
            return users + target;
        }
        return kind == GraphKind.TAG.code() ? users + categories + target : -1;
    }

    /** Communities with users, largest first, each with its strongest categories and tags by mean share. */
    private static List<Community> label(InterestGraph graph, ColumnFolder f, int[] community, int users, int categories, int tags,
                                         Map<Integer, Integer> numbers) {
        int count = 0;
        for (int c : community) {
            count = Math.max(count, c + 1);
        }
        int[] size = new int[count];
        for (int u = 0; u < users; u++) {
            size[community[u]]++;
        }
        int[] start = f.ints(GraphColumns.EDGE_START);
        byte[] kind = f.bytes(GraphColumns.EDGE_KIND);
        int[] target = f.ints(GraphColumns.EDGE_TARGET);
        float[] score = f.floats(GraphColumns.EDGE_SCORE);
        double[][] categoryShare = new double[count][];
        double[][] tagShare = new double[count][];
        for (int u = 0; u < users; u++) {
            int c = community[u];
            for (int e = start[u]; e < start[u + 1]; e++) {
                if (kind[e] == GraphKind.CATEGORY.code()) {
                    row(categoryShare, c, categories)[target[e]] += score[e];
                } else if (kind[e] == GraphKind.TAG.code()) {
                    row(tagShare, c, tags)[target[e]] += score[e];
                }
            }
        }
        long[] categoryIds = f.longs(GraphColumns.CATEGORY_IDS);
        String[] tagNames = f.strings(GraphColumns.TAG_NAMES);
        List<Community> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            if (size[c] == 0) {
                continue;
            }
            List<Label> cats = new ArrayList<>();
            for (int t : top(categoryShare[c])) {
                cats.add(new Label("category", Long.toString(categoryIds[t]), graph.categoryLabel(categoryIds[t]),
                        categoryShare[c][t] / size[c]));
            }
            List<Label> tagLabels = new ArrayList<>();
            for (int t : top(tagShare[c])) {
                tagLabels.add(new Label("tag", tagNames[t], tagNames[t], tagShare[c][t] / size[c]));
            }
            out.add(new Community(c, size[c], cats, tagLabels));
        }
        out.sort((a, b) -> a.users() != b.users() ? Integer.compare(b.users(), a.users()) : Integer.compare(a.id(), b.id()));
        List<Community> numbered = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            Community c = out.get(k);
            numbered.add(new Community(k + 1, c.users(), c.categories(), c.tags()));
            numbers.put(c.id(), k + 1);
        }
        return numbered;
    }

    private static double[] row(double[][] rows, int c, int width) {
        if (rows[c] == null) {
            rows[c] = new double[width];
        }
        return rows[c];
    }

    private static int[] top(double[] shares) {
        if (shares == null) {
            return new int[0];
        }
        Integer[] order = new Integer[shares.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(shares[b], shares[a]));
        return Arrays.stream(order).limit(LABELS).filter(i -> shares[i] > 0).mapToInt(Integer::intValue).toArray();
    }
}
