package io.igw.app.cli;

import io.igw.engine.models.SimilarItems;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"Items most like an item: from the newest stored deepwalk model (graph embeddings), else the",
            "newest itemknn model, else item-kNN fitted on the spot. --model picks the stored model to ask."})
final class SimilarCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--item", required = true, paramLabel = "ID")
    long item;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K")
    int k;

    @Option(names = "--model", paramLabel = "M", description = "deepwalk or itemknn: the newest stored model of that name.")
    String model;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.open(workspace, false)) {
            SimilarItems.Result r = new SimilarItems(ws).of(item, k, model);
            List<Object> items = new ArrayList<>();
            for (SimilarItems.Similar s : r.similar()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.itemId());
                m.put("title", s.title());
                m.put("score", s.score());
                items.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("item", r.itemId());
            out.put("title", r.title());
            out.put("source", r.source());
            out.put("items", items);
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
