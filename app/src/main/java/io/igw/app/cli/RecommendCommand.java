package io.igw.app.cli;

import io.igw.engine.recommenders.Recommendations;
import io.igw.engine.recommenders.StoredModel;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"A user's top K items from a trained model, each with the reasons behind it.",
            "The newest stored model answers unless --model names one; each item has its title, score and because:",
            "the user's items, interests or popularity that produced it.",
            "--session ITEM,ITEM,... recommends for an anonymous session instead, scored from those actions alone",
            "(no retraining); --behaviours gives what was done with each (view, fav, cart, buy, rate; default view)."})
final class RecommendCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--user", paramLabel = "ID", description = "A user the model was trained on.")
    Long user;

    @Option(names = "--session", split = ",", paramLabel = "ITEM", description = "Item ids acted on, oldest first.")
    List<Long> session;

    @Option(names = "--behaviours", split = ",", paramLabel = "B",
            description = "One behaviour per --session item: view, fav, cart, buy or rate.")
    List<String> behaviours;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K")
    int k;

    @Option(names = "--model", paramLabel = "M", description = "The newest stored model of this name.")
    String model;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() {
        if ((user == null) == (session == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "Give either --user ID or --session ITEM,ITEM,... (one of them).");
        }
        if (behaviours != null && session == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--behaviours goes with --session.");
        }
        try (Workspace ws = Workspace.open(workspace, false)) {
            StoredModel stored = StoredModel.load(ws, null, model);
            Recommendations recommendations = new Recommendations(ws);
            List<Recommendations.Recommended> recommended = user != null ? recommendations.forUser(stored, user, k)
                    : recommendations.forSession(stored, session.stream().mapToLong(Long::longValue).toArray(), behaviours(), k);
            List<Object> items = new ArrayList<>();
            for (Recommendations.Recommended r : recommended) {
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
                    if (b.behaviour() != null) {
                        reason.put("behaviour", b.behaviour());
                    }
                    if (b.time() != null) {
                        reason.put("time", b.time());
                    }
                    because.add(reason);
                }
                item.put("because", because);
                items.add(item);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            if (user != null) {
                out.put("user", user);
            } else {
                out.put("session", session);
            }
            out.put("model", stored.meta().model());
            out.put("model_id", stored.meta().id());
            out.put("items", items);
            System.out.println(Json.write(out));
        }
        return 0;
    }

    private Behaviour[] behaviours() {
        if (behaviours == null) {
            return null;
        }
        Behaviour[] out = new Behaviour[behaviours.size()];
        for (int n = 0; n < out.length; n++) {
            String label = behaviours.get(n).trim();
            out[n] = Behaviour.ofLabel(label).orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this),
                    "--behaviours: '" + label + "' is not one of view, fav, cart, buy, rate."));
        }
        return out;
    }
}
