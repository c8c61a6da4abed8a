package io.igw.app.cli;

import io.igw.engine.graph.InterestCommunities;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "communities", mixinStandardHelpOptions = true,
        description = {"Interest communities of the latest graph build.",
            "Louvain over users and their category and tag interests; largest first, each with its size in users and",
            "its top categories and tags."})
final class CommunitiesCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.open(workspace, false)) {
            InterestCommunities.Result r = Jobs.run("communities", new InterestCommunities(ws), output.quiet);
            List<Object> list = new ArrayList<>();
            for (InterestCommunities.Community c : r.communities()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("users", c.users());
                m.put("top_categories", labels(c.categories()));
                m.put("top_tags", labels(c.tags()));
                list.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("build_id", r.buildId());
            out.put("users", r.users());
            out.put("modularity", r.modularity());
            out.put("communities", list);
            out.put("seconds", r.seconds());
            System.out.println(Json.write(out));
        }
        return 0;
    }

    private static List<Object> labels(List<InterestCommunities.Label> labels) {
        List<Object> out = new ArrayList<>();
        for (InterestCommunities.Label l : labels) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", l.kind());
            m.put("id", l.id());
            m.put("label", l.label());
            m.put("share", l.share());
            out.add(m);
        }
        return out;
    }
}
