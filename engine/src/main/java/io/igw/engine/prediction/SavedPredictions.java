package io.igw.engine.prediction;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.columns.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The latest prediction of each outcome, kept in the workspace ({@code predictions/churn/}, {@code
 * predictions/purchase/}): every user's probability as of the end of the log, so that the audience builder can rank
 * by purchase propensity without training again.
 */
public final class SavedPredictions {
    /**
     * Every scored user's probability of the outcome within {@code horizonDays}, and how the model and its baseline
     * tested (AUC, PR-AUC, top-decile lift, cumulative gain after each decile).
     */
    public record Scores(Outcome outcome, int horizonDays, double testAuc, double testPrAuc, double liftTopDecile,
                         double baselineAuc, double baselinePrAuc, double baselineLift, float[] gain, float[] baselineGain,
                         long[] userIds, float[] probabilities) {
    }

    private SavedPredictions() {
    }

    /** Keeps a per-user prediction's scores (a per-category one is not kept: the audience builder blends per user). */
    public static void save(Workspace workspace, PredictionResult result) {
        if (result.byCategory()) {
            return;
        }
        try (ColumnFolderWriter out = new ColumnFolderWriter(folder(workspace, result.outcome()))) {
            out.longs("user_ids", result.userIds(), result.userIds().length);
            out.floats("probabilities", result.scores(), result.scores().length);
            out.strings("about", new String[]{Integer.toString(result.horizonDays()), Double.toString(result.model().auc()),
                Double.toString(result.model().prAuc()), Double.toString(result.model().liftTopDecile()),
                Double.toString(result.baseline().auc()), Double.toString(result.baseline().prAuc()),
                Double.toString(result.baseline().liftTopDecile())});
            out.floats("gain", result.model().cumulativeGains(), 10);
            out.floats("baseline_gain", result.baseline().cumulativeGains(), 10);
            out.commit();
        }
    }

    public static Optional<Scores> latest(Workspace workspace, Outcome outcome) {
        Path dir = folder(workspace, outcome);
        if (!Files.isDirectory(dir) || !ColumnFolder.exists(dir)) {
            return Optional.empty();
        }
        ColumnFolder in = ColumnFolder.open(dir);
        String[] about = in.strings("about");
        if (about.length < 7 || !in.has("gain", ColumnType.FLOAT)) {
            return Optional.empty(); // kept by an earlier version, without the test figures: run the prediction again
        }
        double[] a = java.util.Arrays.stream(about).mapToDouble(Double::parseDouble).toArray();
        return Optional.of(new Scores(outcome, (int) a[0], a[1], a[2], a[3], a[4], a[5], a[6], in.floats("gain"),
                in.floats("baseline_gain"), in.longs("user_ids"), in.floats("probabilities")));
    }

    /** Where the latest prediction of the outcome is kept (the folder may not exist). */
    public static Path folder(Workspace workspace, Outcome outcome) {
        return workspace.folder().resolve("predictions").resolve(outcome.label());
    }

    /** On opening: what a prediction killed while saving left is cleaned up, and the previous one kept. */
    public static final class Recovery implements Workspace.Recovery {
        @Override
        public void recover(Workspace workspace) {
            ColumnFolderWriter.deleteLeftovers(workspace.folder().resolve("predictions"));
        }
    }
}
