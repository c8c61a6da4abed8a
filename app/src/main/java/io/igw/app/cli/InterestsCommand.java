package io.igw.app.cli;

import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.engine.graph.Evidence;
import io.igw.storage.graph.GraphBuild;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "interests", mixinStandardHelpOptions = true,
        description = {"A user's interests from the latest graph build, with their evidence.",
            "Strongest first (categories first when no --kind), each with the events behind it. --all prints one JSON",
            "object per line for every user."})
final class InterestsCommand implements Callable<Integer> {
    private static final List<String> KINDS = List.of("category", "tag", "brand", "item");

    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    static final class Who {
        @Option(names = "--user", paramLabel = "ID", required = true)
        Long user;

        @Option(names = "--all", required = true)
        boolean all;
    }

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "Interests per kind (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--kind", paramLabel = "KIND", description = "category, tag, brand or item.")
    String kind;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("--kind '" + kind + "' must be category, tag, brand or item.");
        }
        try (Workspace ws = Workspace.open(workspace, false)) {
            GraphStore store = new GraphStore(ws);
            GraphBuild build = store.latest().orElseThrow(() -> new IllegalArgumentException(
                    "No interest graph yet: run igw graph build --workspace " + workspace + " first."));
            InterestGraph graph = InterestGraph.open(ws, build);
            GraphKind only = kind == null ? null : GraphKind.ofLabel(kind);
            if (who.all) {
                long[] users = graph.users();
                Arrays.sort(users);
                PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16),
                        false, StandardCharsets.UTF_8);
                for (long user : users) {
                    out.println(Json.write(profile(graph, only, user)));
                }
                out.flush();
            } else {
                if (!graph.hasUser(who.user)) {
                    throw new IllegalArgumentException("User " + who.user + " has no events in the latest graph build.");
                }
                System.out.println(Json.write(profile(graph, only, who.user)));
            }
        }
        return 0;
    }

    private Map<String, Object> profile(InterestGraph graph, GraphKind only, long user) {
        List<Interest> all = graph.interests(user, only);
        Map<String, List<Evidence>> evidence = graph.evidence(user);
        CatalogLookup catalog = graph.catalog();
        List<Object> interests = new ArrayList<>();
        for (String k : KINDS) {
            all.stream().filter(i -> i.kind().equals(k)).limit(top).forEach(i -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", i.kind());
                m.put("id", i.target());
                m.put("label", i.label());
                m.put("score", i.score());
                if (i.kind().equals("category") && graph.isInferred(Long.parseLong(i.target()))) {
                    m.put("inferred", true);
                }
                if (i.kind().equals("tag") && graph.tagForms(i.target()).size() > 1) {
                    m.put("forms", graph.tagForms(i.target()));
                }
                List<Object> events = new ArrayList<>();
                for (Evidence e : evidence.getOrDefault(i.kind() + ":" + i.target(), List.of())) {
                    Map<String, Object> em = new LinkedHashMap<>();
                    em.put("item", e.itemId());
                    CatalogLookup.Item item = catalog.item(e.itemId());
                    em.put("title", item == null ? null : item.title());
                    em.put("behaviour", Behaviour.ofCode(e.behaviour()).label());
                    em.put("time", Instant.ofEpochSecond(e.eventTime()).toString());
                    em.put("weight", e.weight());
                    events.add(em);
                }
                m.put("evidence", events);
                interests.add(m);
            });
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", user);
        out.put("interests", interests);
        return out;
    }
}
