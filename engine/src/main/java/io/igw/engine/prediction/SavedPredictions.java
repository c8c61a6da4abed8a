package io.igw.engine.prediction;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The latest prediction of each outcome, kept in the workspace ({@code predictions/churn/}, {@code
 * predictions/purchase/}): every user's probability as of the end of the log, so that the audience builder can rank
 * by purchase propensity without training again.
 */
public final class SavedPredictions {
    /** Every scored user's probability of the outcome within {@code horizonDays}, and how well the model tested. */
    public record Scores(Outcome outcome, int horizonDays, double testAuc, long[] userIds, float[] probabilities) {
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
            out.strings("about", new String[]{Integer.toString(result.horizonDays()), Double.toString(result.model().auc())});
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
        return Optional.of(new Scores(outcome, Integer.parseInt(about[0]), Double.parseDouble(about[1]),
                in.longs("user_ids"), in.floats("probabilities")));
    }

    private static Path folder(Workspace workspace, Outcome outcome) {
        return workspace.folder().resolve("predictions").resolve(outcome.label());
    }
}
