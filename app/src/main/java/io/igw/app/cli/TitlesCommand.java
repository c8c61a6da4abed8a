package io.igw.app.cli;

import io.igw.engine.titles.SuggestTitles;
import io.igw.engine.titles.TitleSuggester;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "titles", mixinStandardHelpOptions = true,
        description = {"New titles for an item that its shop's users would convert on more, best first.",
            "The title generator (trained on the catalogue's titles, then adversarially against a discriminator and the",
            "click model) writes them under constraints: the brand and product noun are kept and only the item's own",
            "attributes are shown; copies and near-copies of existing titles are dropped. The newest stored generator is",
            "used; if there is none, one is trained and stored first (minutes). predicted_uplift is the click model's",
            "predicted change in carts per impression (0.12 = 12% more); fluency is how real it reads (0 to 1)."})
final class TitlesCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--item", required = true, paramLabel = "ID")
    long item;

    @Option(names = "--n", defaultValue = "5", paramLabel = "N", description = "Suggestions (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--retrain", description = "Train and store a new title generator even if one is stored.")
    boolean retrain;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
    long seed;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Option(names = "--json", description = "Accepted for symmetry; the output is always JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.open(workspace, false)) {
            TitleSuggester.Suggestions s = Jobs.run("titles", new SuggestTitles(ws, item, n, retrain, seed), quiet);
            List<Object> candidates = new ArrayList<>();
            for (TitleSuggester.Candidate c : s.candidates()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("title", c.title());
                m.put("predicted_uplift", Math.round(c.predictedUplift() * 10_000) / 10_000.0);
                m.put("fluency", Math.round(c.fluency() * 1000) / 1000.0);
                m.put("changed_words", c.changedWords());
                candidates.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("item", s.item());
            out.put("current", s.current());
            out.put("candidates", candidates);
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
