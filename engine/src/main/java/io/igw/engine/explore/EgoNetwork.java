package io.igw.engine.explore;

import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's neighbourhood in the interest graph, to depth 1 or 2: a user's interests; the users most interested in
 * a category, tag, brand or item; an item's co-occurring items; a category's parent and children in the catalogue's
 * tree and the categories users hold together with it. Each node
 * brings at most {@link #PER_NODE} neighbours (the strongest) and the whole stays under {@code maxNodes}.
 */
public final class EgoNetwork {
    static final int PER_NODE = 25;

    private final InterestGraph graph;
    private final Map<String, Integer> communities;

    public EgoNetwork(InterestGraph graph, Map<String, Integer> communities) {
        this.graph = graph;
        this.communities = communities;
    }

    public Subgraph around(String kind, String id, int depth, int maxNodes) {
        if (depth < 1 || depth > 2) {
            throw new IllegalArgumentException("depth is 1 or 2, not " + depth);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Subgraph.Node> nodes = new ArrayList<>();
        Map<Long, Subgraph.Edge> edges = new HashMap<>();
        Subgraph.Node centre = new Subgraph.Node(kind, id, labelOf(kind, id), 1.0, community(kind, id));
        add(centre, index, nodes);
        List<Integer> frontier = List.of(0);
        for (int level = 1; level <= depth && nodes.size() < maxNodes; level++) {
            List<Integer> next = new ArrayList<>();
            for (int from : frontier) {
                for (Neighbour n : neighbours(nodes.get(from))) {
                    Integer to = index.get(n.node().key());
                    if (to == null) {
                        if (nodes.size() >= maxNodes) {
                            continue;
                        }
                        to = add(n.node(), index, nodes);
                        next.add(to);
                    }
                    long key = ((long) Math.min(from, to) << 32) | Math.max(from, to);
                    if (from != to) {
                        edges.merge(key, new Subgraph.Edge(from, to, n.weight(), n.kind()),
                                (a, b) -> a.weight() >= b.weight() ? a : b);
                    }
                }
            }
            frontier = next;
        }
        return new Subgraph(nodes, new ArrayList<>(edges.values()), 0);
    }

    private static int add(Subgraph.Node node, Map<String, Integer> index, List<Subgraph.Node> nodes) {
        index.put(node.key(), nodes.size());
        nodes.add(node);
        return nodes.size() - 1;
    }

    private record Neighbour(Subgraph.Node node, double weight, String kind) {
    }

    private List<Neighbour> neighbours(Subgraph.Node node) {
        List<Neighbour> out = new ArrayList<>();
        if (node.kind().equals("user")) {
            long user = Long.parseLong(node.id());
            Map<GraphKind, Integer> perKind = new HashMap<>();
            for (Interest i : graph.interests(user, null)) {
                GraphKind k = GraphKind.ofLabel(i.kind());
                if (perKind.merge(k, 1, Integer::sum) <= PER_NODE / 2) {
                    out.add(new Neighbour(new Subgraph.Node(i.kind(), i.target(), i.label(), i.score(),
                            community(i.kind(), i.target())), i.score(), "interest"));
                }
            }
            return out;
        }
        GraphKind kind = GraphKind.ofLabel(node.kind());
        for (Interest i : graph.interestedUsers(kind, node.id(), PER_NODE)) {
            String id = Long.toString(i.userId());
            out.add(new Neighbour(new Subgraph.Node("user", id, "user " + id, i.score(), community("user", id)),
                    i.score(), "interest"));
        }
        List<InterestGraph.Link> links = new ArrayList<>();
        if (kind == GraphKind.ITEM) {
            links = graph.itemLinks(Long.parseLong(node.id()));
        } else if (kind == GraphKind.CATEGORY) {
            for (InterestGraph.Link l : graph.categoryTree(Long.parseLong(node.id()))) {
                out.add(new Neighbour(new Subgraph.Node(l.kind(), l.id(), l.label(), 1.0, community(l.kind(), l.id())),
                        1.0, "category tree"));
            }
            for (InterestGraph.Link[] pair : graph.categoryLinks()) {
                if (pair[0].id().equals(node.id())) {
                    links.add(pair[1]);
                } else if (pair[1].id().equals(node.id())) {
                    links.add(pair[0]);
                }
            }
        }
        double strongest = links.stream().mapToDouble(InterestGraph.Link::strength).max().orElse(1);
        for (InterestGraph.Link l : links.subList(0, Math.min(PER_NODE / 2, links.size()))) {
            out.add(new Neighbour(new Subgraph.Node(l.kind(), l.id(), l.label(), l.strength() / strongest,
                    community(l.kind(), l.id())), l.strength() / strongest, kind == GraphKind.ITEM ? "co-occurs" : "related"));
        }
        return out;
    }

    private String labelOf(String kind, String id) {
        return switch (kind) {
            case "user" -> "user " + id;
            case "category" -> graph.categoryLabel(Long.parseLong(id));
            case "item" -> graph.itemTitle(Long.parseLong(id));
            default -> id;
        };
    }

    private int community(String kind, String id) {
        return communities.getOrDefault(kind + ":" + id, 0);
    }
}
