package io.igw.engine.explore;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * What the Graph Explorer shows: a small graph of nodes (a kind, an id, a label, a score and a community) and
 * weighted edges between them, with one centre. The explorer never holds more than this visible part.
 */
public record Subgraph(List<Node> nodes, List<Edge> edges, int centre) {
    /** A node; {@code key} is {@code kind:id}; {@code community} is 0 when unknown. */
    public record Node(String kind, String id, String label, double score, int community) {
        public String key() {
            return kind + ":" + id;
        }
    }

    /** An edge between node indexes, with a strength in 0..1 (an interest's share, or a link's relative lift). */
    public record Edge(int from, int to, double weight, String kind) {
    }

    public Subgraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public static Subgraph empty() {
        return new Subgraph(List.of(), List.of(), -1);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Each node's number of edges. */
    public int[] degrees() {
        int[] d = new int[nodes.size()];
        for (Edge e : edges) {
            d[e.from()]++;
            d[e.to()]++;
        }
        return d;
    }

    /**
     * The part still connected to the centre through edges of at least {@code minWeight} between nodes of the
     * shown kinds (the centre always stays).
     */
    public Subgraph filter(double minWeight, Set<String> kinds) {
        if (isEmpty()) {
            return this;
        }
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            adjacent.add(new ArrayList<>());
        }
        for (int k = 0; k < edges.size(); k++) {
            Edge e = edges.get(k);
            if (e.weight() >= minWeight && shown(e.from(), kinds) && shown(e.to(), kinds)) {
                adjacent.get(e.from()).add(k);
                adjacent.get(e.to()).add(k);
            }
        }
        int[] index = new int[nodes.size()];
        java.util.Arrays.fill(index, -1);
        List<Node> keptNodes = new ArrayList<>();
        Deque<Integer> queue = new ArrayDeque<>();
        index[centre] = 0;
        keptNodes.add(nodes.get(centre));
        queue.add(centre);
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int k : adjacent.get(n)) {
                Edge e = edges.get(k);
                int other = e.from() == n ? e.to() : e.from();
                if (index[other] < 0) {
                    index[other] = keptNodes.size();
                    keptNodes.add(nodes.get(other));
                    queue.add(other);
                }
            }
        }
        List<Edge> keptEdges = new ArrayList<>();
        for (Edge e : edges) {
            if (e.weight() >= minWeight && index[e.from()] >= 0 && index[e.to()] >= 0
                    && shown(e.from(), kinds) && shown(e.to(), kinds)) {
                keptEdges.add(new Edge(index[e.from()], index[e.to()], e.weight(), e.kind()));
            }
        }
        return new Subgraph(keptNodes, keptEdges, 0);
    }

    private boolean shown(int node, Set<String> kinds) {
        return node == centre || kinds.contains(nodes.get(node).kind());
    }
}
