package io.igw.app.cli;

import io.igw.storage.Workspace;
import io.igw.storage.graph.GraphBuild;
import io.igw.storage.graph.GraphStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "builds", mixinStandardHelpOptions = true,
        description = {"Lists the graph builds kept in the workspace, newest first: the newest "
            + GraphStore.KEEP_UNPINNED + " and every pinned snapshot."})
final class GraphBuildsCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace, false)) {
            List<Object> builds = new ArrayList<>();
            for (GraphBuild b : new GraphStore(ws).list()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("build_id", b.id());
                m.put("made_by", b.madeBy());
                m.put("based_on", b.basedOn());
                m.put("built_at", b.builtAt().toString());
                m.put("as_of", Instant.ofEpochSecond(b.asOf()).toString());
                m.put("half_life_days", b.halfLifeDays());
                m.put("data_version", b.dataVersion());
                m.put("events", b.events());
                m.put("seconds", b.seconds());
                m.put("pinned_as", b.pinnedAs());
                builds.add(m);
            }
            System.out.println(Json.write(Map.of("builds", builds)));
        }
        return 0;
    }

    @Command(name = "pin", mixinStandardHelpOptions = true,
            description = "Keeps a build for good as a named snapshot (--name), or lets it go again (--unpin).")
    static final class Pin implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        Path workspace;

        @Option(names = "--build", required = true, paramLabel = "ID")
        int build;

        @Option(names = "--name", paramLabel = "NAME", description = "The snapshot's name (default: snapshot-ID).")
        String name;

        @Option(names = "--unpin")
        boolean unpin;

        @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace, false)) {
                String as = unpin ? null : name == null || name.isBlank() ? "snapshot-" + build : name.strip();
                new GraphStore(ws).pin(build, as);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("build_id", build);
                m.put("pinned_as", as);
                System.out.println(Json.write(m));
            }
            return 0;
        }
    }
}
