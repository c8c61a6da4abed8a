package io.igw.app.cli;

import io.igw.engine.recommenders.Evaluation;
import io.igw.engine.recommenders.Split;
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

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates models side by side under one protocol.",
            "Each user's interactions are split (seeded), the model is fitted, every item the user has not trained on",
            "is ranked and the top K scored; mean and standard deviation over seeds. Results are stored in the",
            "workspace. Models: pop, itemknn, ease, content, autoencoder, cfgan, deepwalk, sequence, semantic, hybrid, als.",
            "--split cold-items holds out a seeded share of the items (1 - ratio) with everyone's interactions with them:",
            "only models that read what an item is (semantic, hybrid) can recommend those."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--models", required = true, split = ",", paramLabel = "a,b,...")
    List<String> models;

    @Option(names = "--split", defaultValue = "random", paramLabel = "random|time|leave-last|cold-items")
    String split;

    @Option(names = "--ratio", defaultValue = "0.8", paramLabel = "R", description = "Training share per user, or of the items for cold-items (default ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--k", defaultValue = "20", split = ",", paramLabel = "K",
            description = "The cut-off, or several (10,20) measured from the same trained models; the first is stored.")
    List<Integer> k;

    @Option(names = "--seeds", defaultValue = "1,2,3", split = ",", paramLabel = "1,2,3")
    List<Long> seeds;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        Split.Kind kind = Split.Kind.ofLabel(split);
        try (Workspace ws = Workspace.open(workspace, false)) {
            Evaluation.Report report = Jobs.run("evaluate", new Evaluation(ws, models, kind, ratio, k, seeds), output.quiet);
            Map<String, Object> protocol = new LinkedHashMap<>();
            protocol.put("split", report.protocol().split());
            protocol.put("ratio", report.protocol().ratio());
            protocol.put("k", report.protocol().k());
            protocol.put("seeds", report.protocol().seeds());
            protocol.put("cutoffs", k);
            protocol.put("ranking", "full, training items masked");
            protocol.put("users", report.protocol().users());
            protocol.put("items", report.protocol().items());
            protocol.put("interactions", report.protocol().interactions());
            List<Object> results = new ArrayList<>();
            for (Evaluation.Result r : report.results()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.model());
                m.putAll(r.mean());
                m.put("train_seconds", r.trainSeconds());
                m.put("std", r.std());
                m.put("parameters", r.parameters());
                results.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("protocol", protocol);
            out.put("results", results);
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
