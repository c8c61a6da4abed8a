package io.igw.app.cli;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.rules.AssociationRules;
import io.igw.engine.rules.Baskets;
import io.igw.engine.rules.RuleMining;
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

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Product association rules (FP-Growth over purchase baskets).",
            "A basket is what a user bought in one session (every event of a session when the log has no purchases).",
            "Itemsets need at least 2 baskets; rules with lift below 1 are left out. Strongest lift first.",
            "--level category gives rules between categories; --item ID lists what is bought together with one item."})
final class RulesCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--min-support", defaultValue = "0.001", paramLabel = "S", description = "Share of baskets (default ${DEFAULT-VALUE}).")
    double minSupport;

    @Option(names = "--min-confidence", defaultValue = "0.1", paramLabel = "C", description = "Default ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--max-length", defaultValue = "3", paramLabel = "L", description = "Most items in a rule (default ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "Most rules printed (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--level", defaultValue = "item", paramLabel = "item|category",
            description = "Rules between items or between their categories (default ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--item", paramLabel = "ID", description = "Only rules whose antecedent holds this item (or category): what is bought with it.")
    Long item;

    @Mixin
    EngineOptions engine;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        try (Workspace ws = Workspace.open(workspace, false)) {
            RuleMining.Result r = Jobs.run("rules", job(ws, Baskets.Level.parse(level)), output.quiet);
            List<AssociationRules.Rule> chosen = item == null ? r.rules() : r.with(item);
            List<Object> rules = new ArrayList<>();
            for (AssociationRules.Rule rule : chosen.subList(0, Math.min(limit, chosen.size()))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("antecedent", ids(r, rule.antecedent()));
                m.put("consequent", ids(r, rule.consequent()));
                m.put("support", rule.support());
                m.put("confidence", rule.confidence());
                m.put("lift", rule.lift());
                rules.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("baskets", r.baskets().baskets().length);
            out.put("basis", r.baskets().purchasesOnly() ? "purchases per session" : "events per session");
            out.put("level", r.level().name().toLowerCase(java.util.Locale.ROOT));
            out.put("min_count", r.minCount());
            out.put("itemsets", r.itemsets());
            out.put("rules_total", chosen.size());
            out.put("engine", engine.engine);
            out.put("seconds", r.seconds());
            out.put("rules", rules);
            System.out.println(Json.write(out));
        }
        return 0;
    }

    private io.igw.engine.task.Job<RuleMining.Result> job(Workspace ws, Baskets.Level basketLevel) {
        if (engine.spark()) {
            return DistributedEngine.require().rules(ws, minSupport, minConfidence, maxLength, basketLevel, engine.options(null));
        }
        return new RuleMining(ws, minSupport, minConfidence, maxLength, basketLevel);
    }

    private static List<Long> ids(RuleMining.Result r, int[] items) {
        return java.util.Arrays.stream(r.baskets().itemIds(items)).boxed().toList();
    }
}
