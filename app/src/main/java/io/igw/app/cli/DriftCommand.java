package io.igw.app.cli;

import io.igw.engine.graph.InterestGraph;
import io.igw.engine.graph.InterestDrift;
import io.igw.storage.Workspace;
import io.igw.storage.graph.GraphBuild;
import io.igw.engine.graph.GraphKind;
import io.igw.storage.graph.GraphStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compares two graph builds: which interests rose and which fell, overall (the mean share over",
            "users in both) or for one user. Prints rising and falling, largest change first."})
final class DriftCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--from", required = true, paramLabel = "BUILD")
    int from;

    @Option(names = "--to", paramLabel = "BUILD", description = "Default: the latest build.")
    Integer to;

    @Option(names = "--user", paramLabel = "ID")
    Long user;

    @Option(names = "--kind", defaultValue = "category", paramLabel = "KIND", description = "category, tag, brand or item (default ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K")
    int top;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() {
        GraphKind k = GraphKind.ofLabel(kind);
        try (Workspace ws = Workspace.open(workspace, false)) {
            GraphStore store = new GraphStore(ws);
            GraphBuild before = build(store, from);
            GraphBuild after = to == null ? store.latest().orElseThrow() : build(store, to);
            InterestDrift drift = new InterestDrift(InterestGraph.open(ws, before), InterestGraph.open(ws, after));
            List<InterestDrift.Change> changes = user == null ? drift.overall(k) : drift.forUser(user, k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", before.id());
            m.put("to", after.id());
            m.put("user", user);
            m.put("kind", k.label());
            m.put("rising", list(changes.stream().filter(c -> c.change() > 0).limit(top).toList()));
            m.put("falling", list(falling(changes)));
            System.out.println(Json.write(m));
        }
        return 0;
    }

    private static GraphBuild build(GraphStore store, int id) {
        return store.find(id).orElseThrow(() -> new IllegalArgumentException("There is no graph build " + id
                + " in this workspace; igw graph builds lists those kept."));
    }

    /** The falls, largest first (the list runs from the largest rise to the largest fall). */
    private List<InterestDrift.Change> falling(List<InterestDrift.Change> changes) {
        List<InterestDrift.Change> falls = new ArrayList<>(changes.stream().filter(c -> c.change() < 0).toList());
        java.util.Collections.reverse(falls);
        return falls.subList(0, Math.min(top, falls.size()));
    }

    private static List<Object> list(List<InterestDrift.Change> changes) {
        List<Object> out = new ArrayList<>();
        for (InterestDrift.Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind());
            m.put("id", c.id());
            m.put("label", c.label());
            m.put("before", c.before());
            m.put("after", c.after());
            m.put("change", c.change());
            out.add(m);
        }
        return out;
    }
}
