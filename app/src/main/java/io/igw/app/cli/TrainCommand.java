package io.igw.app.cli;

import io.igw.engine.recommenders.ModelCatalog;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.recommenders.Training;
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

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model and stores it in the workspace's model registry.",
            "A seeded tenth of each user's interactions is held out to measure it (full ranking, K = 20); iterative",
            "models early-stop on their own hold-out of the rest. Models: pop, itemknn, ease, content, autoencoder,",
            "cfgan, deepwalk, sequence, semantic, hybrid (the last two can recommend items no one has touched yet), als",
            "(implicit ALS trained with Apache Spark MLlib; ./igw adds Spark for it).",
            "--continue fine-tunes the newest stored model of the kind on what was imported since (sequence only)."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--model", required = true, paramLabel = "M")
    String model;

    @Option(names = "--epochs", defaultValue = "0", paramLabel = "E",
            description = "The most epochs for an iterative model (default: the model's own).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
    long seed;

    @Option(names = "--continue", description = "Fine-tune the newest stored model of this kind (warm start) instead of training afresh.")
    boolean continuing;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        ModelCatalog.check(model);
        try (Workspace ws = Workspace.open(workspace, false)) {
            ModelTraining training = new ModelTraining(ws, model, seed, epochs, e -> {
            });
            ModelTraining.Result r = Jobs.run("train", continuing ? training.continuing() : training, output.quiet);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model_id", r.modelId());
            out.put("model", r.model());
            out.put("parameters", r.parameters());
            out.put("seed", r.seed());
            out.put("users", r.users());
            out.put("items", r.items());
            out.put("interactions", r.interactions());
            out.put("epochs", r.epochs());
            out.put("train_seconds", r.trainSeconds());
            out.put("validation", r.validation());
            out.put("validation_users", r.validationUsers());
            out.put("validation_users_ranked", r.validationUsersRanked());
            if (r.validationSampled()) {
                out.put("validation_note", String.format(java.util.Locale.ROOT, "validation figures rank a seeded sample of %d of the "
                        + "%d users with a hold-out; ./igw evaluate ranks them all", r.validationUsersRanked(), r.validationUsers()));
            }
            List<Object> curve = new ArrayList<>();
            for (Training.Epoch e : r.curve()) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("epoch", e.epoch());
                point.put("loss", Double.isNaN(e.loss()) ? null : e.loss());
                point.put("ndcg@20", Double.isNaN(e.validationNdcg()) ? null : e.validationNdcg());
                point.put("seconds", e.seconds());
                curve.add(point);
            }
            out.put("curve", curve);
            if (r.continuedFrom() != null) {
                out.put("continued_from", r.continuedFrom());
            }
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
