package io.igw.app.cli;

import io.igw.engine.prediction.BehaviourPrediction;
import io.igw.engine.prediction.ClassifierMetrics;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.PredictionResult;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predicts churn (no activity) or a purchase in the next days, per user or per user and category, beside a baseline.",
            "Time split: trained on what happened in the window before the last one, tested on the last window.",
            "The deep model (DL4J) sees all behaviour features; the baseline is logistic regression on recency, sessions and purchases.",
            "Every user's probability as of the end of the log is kept in the workspace (purchase feeds igw audience)."})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "churn|purchase", description = "What to predict.")
    String outcome;

    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--horizon-days", defaultValue = "7", paramLabel = "N", description = "How many days ahead (default ${DEFAULT-VALUE}).")
    int horizonDays;

    @Option(names = "--by", defaultValue = "user", paramLabel = "user|category",
            description = "Per user, or per user and category they touched (default ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seeds the model's training (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "Users most likely to churn (or buy) printed (default ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        Outcome what = Outcome.parse(outcome);
        if (!by.equals("user") && !by.equals("category")) {
            throw new IllegalArgumentException("--by must be user or category, not '" + by + "'");
        }
        try (Workspace ws = Workspace.open(workspace, false)) {
            PredictionResult r = Jobs.run("predict", new BehaviourPrediction(ws, what, horizonDays, seed, by.equals("category")), output.quiet);
            SavedPredictions.save(ws, r);
            Map<String, Object> out = Json.obj(
                    "outcome", what.label(),
                    "horizon_days", r.horizonDays(),
                    "by", by,
                    "auc", r.model().auc(),
                    "pr_auc", r.model().prAuc(),
                    "lift_top_decile", r.model().liftTopDecile(),
                    "baseline_auc", r.baseline().auc(),
                    "baseline_pr_auc", r.baseline().prAuc(),
                    "baseline_lift_top_decile", r.baseline().liftTopDecile(),
                    "train_rows", r.trainUsers(),
                    "test_rows", r.testUsers(),
                    "test_positive_rate", r.model().baseRate(),
                    "epochs", r.epochs(),
                    "user_vectors", r.userVectors(),
                    "deciles", deciles(r.model()),
                    "calibration", calibration(r.model()),
                    "at_risk", atRisk(r.atRisk().subList(0, Math.min(Math.max(0, top), r.atRisk().size()))),
                    "seconds", r.seconds());
            System.out.println(Json.write(out));
        }
        return 0;
    }

    private static List<Object> deciles(ClassifierMetrics m) {
        List<Object> out = new ArrayList<>();
        for (ClassifierMetrics.Decile d : m.deciles()) {
            out.add(Json.obj("decile", d.decile(), "users", d.users(), "positives", d.positives(), "rate", d.rate(),
                    "lift", d.lift(), "cumulative_gain", d.cumulativeGain()));
        }
        return out;
    }

    private static List<Object> calibration(ClassifierMetrics m) {
        List<Object> out = new ArrayList<>();
        for (ClassifierMetrics.CalibrationBin b : m.calibration()) {
            out.add(Json.obj("from", b.from(), "to", b.to(), "users", b.users(), "mean_predicted", b.meanPredicted(),
                    "observed_rate", b.observedRate()));
        }
        return out;
    }

    private static List<Object> atRisk(List<PredictionResult.AtRisk> users) {
        List<Object> out = new ArrayList<>();
        for (PredictionResult.AtRisk a : users) {
            Map<String, Object> row = Json.obj("user_id", a.userId(), "probability", a.probability(), "reasons", a.reasons());
            if (a.category() != null) {
                row.put("category", a.category());
            }
            out.add(row);
        }
        return out;
    }
}
