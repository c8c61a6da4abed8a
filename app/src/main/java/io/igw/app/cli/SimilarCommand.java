package io.igw.app.cli;

import io.igw.engine.recommenders.SimilarItems;
import io.igw.engine.recommenders.SimilarUsers;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"Items most like an item, or users most like a user.",
            "Items: from the newest stored deepwalk model (graph embeddings), else the newest itemknn model, else",
            "item-kNN fitted on the spot; --model picks the stored model to ask.",
            "With --user instead of --item: users most like a user, by their learned vectors (autoencoder, else deepwalk)."})
final class SimilarCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Whom whom;

    static final class Whom {
        @Option(names = "--item", required = true, paramLabel = "ID")
        Long item;

        @Option(names = "--user", required = true, paramLabel = "ID")
        Long user;
    }

    @Option(names = "--k", defaultValue = "10", paramLabel = "K")
    int k;

    @Option(names = "--model", paramLabel = "M", description = "deepwalk or itemknn: the newest stored model of that name.")
    String model;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.open(workspace, false)) {
            if (whom.user != null) {
                printUsers(new SimilarUsers(ws).of(whom.user, k));
                return 0;
            }
            SimilarItems.Result r = new SimilarItems(ws).of(whom.item, k, model);
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

    private static void printUsers(SimilarUsers.Result r) {
        List<Object> users = new ArrayList<>();
        for (SimilarUsers.Similar s : r.similar()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.userId());
            m.put("score", s.score());
            users.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", r.userId());
        out.put("source", r.source());
        out.put("users", users);
        System.out.println(Json.write(out));
    }
}
