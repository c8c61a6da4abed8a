package io.igw.engine.explore;

import io.igw.engine.graph.InterestCommunities;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The communities overview: one node per community, scored by its share of users and labelled by its top
 * categories; two communities are linked by the Jaccard overlap of their top categories and tags.
 */
public final class CommunityOverview {
    private CommunityOverview() {
    }

    public static Subgraph of(InterestCommunities.Result result) {
        List<Subgraph.Node> nodes = new ArrayList<>();
        List<Set<String>> labels = new ArrayList<>();
        Subgraph.Node hub = new Subgraph.Node("overview", "all", result.users() + " users", 1.0, 0);
        nodes.add(hub);
        labels.add(Set.of());
        for (InterestCommunities.Community c : result.communities()) {
            String top = c.categories().stream().map(InterestCommunities.Label::label).limit(2)
                    .reduce((a, b) -> a + ", " + b).orElse("no category");
            nodes.add(new Subgraph.Node("community", Integer.toString(c.id()), "#" + c.id() + " " + top + " (" + c.users() + ")",
                    (double) c.users() / Math.max(1, result.users()), c.id()));
            Set<String> set = new HashSet<>();
            c.categories().forEach(l -> set.add("c" + l.id()));
            c.tags().forEach(l -> set.add("t" + l.id()));
            labels.add(set);
        }
        List<Subgraph.Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(new Subgraph.Edge(0, i, 1.0, "member"));
            for (int j = i + 1; j < nodes.size(); j++) {
                Set<String> both = new HashSet<>(labels.get(i));
                both.retainAll(labels.get(j));
                Set<String> any = new HashSet<>(labels.get(i));
                any.addAll(labels.get(j));
                double jaccard = any.isEmpty() ? 0 : (double) both.size() / any.size();
                if (jaccard > 0) {
                    edges.add(new Subgraph.Edge(i, j, jaccard, "shares interests"));
                }
            }
        }
        return new Subgraph(nodes, edges, 0);
    }
}
