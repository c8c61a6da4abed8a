package io.igw.app.cli;

import io.igw.engine.recommenders.Recommendations;
import io.igw.engine.recommenders.StoredModel;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"A user's top K items from a trained model, each with the reasons behind it.",
            "The newest stored model answers unless --model names one; each item has its title, score and because:",
            "the user's items, interests or popularity that produced it."})
final class RecommendCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--user", required = true, paramLabel = "ID")
    long user;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K")
    int k;

    @Option(names = "--model", paramLabel = "M", description = "The newest stored model of this name.")
    String model;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace, false)) {
            StoredModel stored = StoredModel.load(ws, null, model);
            List<Object> items = new ArrayList<>();
            for (Recommendations.Recommended r : new Recommendations(ws).forUser(stored, user, k)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", r.itemId());
                item.put("title", r.title());
                item.put("score", r.score());
                List<Object> because = new ArrayList<>();
                for (Recommendations.Because b : r.because()) {
                    Map<String, Object> reason = new LinkedHashMap<>();
                    reason.put("kind", b.kind());
                    if (b.itemId() != null) {
                        reason.put("id", b.itemId());
                    }
                    reason.put(b.itemId() != null ? "title" : "label", b.label());
                    reason.put("weight", b.weight());
                    because.add(reason);
                }
                item.put("because", because);
                items.add(item);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user", user);
            out.put("model", stored.meta().model());
            out.put("model_id", stored.meta().id());
            out.put("items", items);
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
