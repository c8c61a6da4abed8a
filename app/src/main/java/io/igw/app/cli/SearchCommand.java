package io.igw.app.cli;

import io.igw.engine.text.Bilingual;
import io.igw.engine.text.TextSearch;
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

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Finds the items, tags, categories or brands whose text means what a description says",
            "(\"防水登山鞋\", \"noise-cancelling headphones\"), by the in-process text model's vectors, not by spelling.",
            "The catalogue is encoded first if it has not been (see igw encode). Prints model, kind, text and hits",
            "(kind, id, label, similarity), closest first."})
final class SearchCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "What to look for, in plain words.")
    String text;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "item",
            description = "item (default), tag, category or brand.")
    String kind;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "How many to show (default 10).")
    int k;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        TextSearch.Kind what = TextSearch.Kind.named(kind);
        try (Workspace ws = Workspace.open(workspace, false)) {
            TextSearch.Result r = Jobs.run("search", new TextSearch(ws, new Bilingual(), text, what, k), output.quiet);
            List<Object> hits = new ArrayList<>();
            for (TextSearch.Hit h : r.hits()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", h.kind());
                m.put("id", h.id());
                m.put("label", h.label());
                if (h.forms().size() > 1) {
                    m.put("forms", h.forms());
                }
                m.put("similarity", h.similarity());
                hits.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", r.model());
            out.put("kind", kind);
            out.put("text", text);
            out.put("hits", hits);
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
