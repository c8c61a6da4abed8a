package io.igw.app.ui.kit;

import io.igw.engine.errors.AudienceTooSmall;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MissingPrerequisite;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.engine.errors.UserError;
import io.igw.engine.ingest.ImportException;
import io.igw.engine.task.CancelledException;
import io.igw.storage.Cleanup;
import io.igw.storage.WorkspaceException;
import io.igw.storage.columns.DamagedFile;
import java.util.Map;

/**
 * A failure in the words of someone at the window: settings by the names of their fields, what to do first by the
 * screen where it is done. The command line words the same errors with its flags ({@code UserErrors}).
 */
public final class Problems {
    /** The field each setting is entered in, where its name on screen differs from the engine's key. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("k", "Top K"), Map.entry("epochs", "Max epochs"), Map.entry("half_life_days", "Half-life (days)"),
            Map.entry("horizon_days", "Horizon (days)"), Map.entry("min_support", "Minimum support"),
            Map.entry("min_confidence", "Minimum confidence"), Map.entry("max_length", "Longest rule"),
            Map.entry("propensity_weight", "Propensity weight"), Map.entry("lookalike", "Lookalikes"),
            Map.entry("size", "Top N"), Map.entry("threshold", "Threshold"), Map.entry("target", "Interests"),
            Map.entry("did", "Did"), Map.entry("did_not", "Did not"), Map.entry("age", "Age"),
            Map.entry("split", "Split"), Map.entry("ratio", "Training share"), Map.entry("out", "File"), Map.entry("min_size", "Smallest export"));

    private Problems() {
    }

    private static String field(String setting) {
        return FIELDS.getOrDefault(setting, setting.replace('_', ' '));
    }

    /** One sentence for the status line. */
    public static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError oom) {
            failure = NotEnoughMemory.ranOut("workbench", oom);
        }
        if (Cleanup.diskFull(failure)) {
            return "The disk is full (no space left on the device holding the workspace or the file); nothing of the interrupted "
                    + "step was kept. Free some space and try again.";
        }
        DamagedFile damaged = DamagedFile.in(failure);
        if (damaged != null) {
            return damaged.getMessage() + ". What it held can be made again from the workspace's database: close the workbench and "
                    + "run ./igw doctor --workspace W --repair.";
        }
        if (failure instanceof NotEnoughMemory m) {
            return m.withRemedy("Close the workbench and start it with more: IGW_HEAP=" + m.suggestedHeapSetting() + " ./igw");
        }
        if (failure instanceof AudienceTooSmall t) {
            return t.getMessage() + " in \"Smallest export\" below the form.";
        }
        if (failure instanceof InvalidSetting s && s.conflictsWith() != null) {
            return "Give " + field(s.setting()) + " or " + field(s.conflictsWith()) + ", not both.";
        }
        if (failure instanceof InvalidSetting s) {
            return field(s.setting()) + " " + s.problem() + (s.problem().endsWith(".") ? "" : ".");
        }
        if (failure instanceof MissingPrerequisite m) {
            return switch (m.need()) {
                case EVENTS -> "The workspace has no events yet: import a behaviour log in the Data screen first.";
                case GRAPH -> "No interest graph has been built yet: build one in the Graph screen first.";
                case MODEL -> "No " + (m.model() == null ? "" : m.model() + " ") + "model has been trained yet: train one in "
                        + "the Models screen first.";
                case USER_VECTORS -> "Learned user vectors come from a trained model: train the sequence model or an autoencoder (or DeepWalk) "
                        + "in the Models screen first.";
                case SPARK -> "This runs on Apache Spark, which the window does not load: run it from the command line "
                        + "(./igw in a source checkout adds Spark for its Spark commands).";
            };
        }
        if (failure instanceof CancelledException) {
            return "Cancelled; nothing of the interrupted step was kept.";
        }
        if (failure instanceof UserError || failure instanceof IllegalArgumentException || failure instanceof ImportException
                || failure instanceof WorkspaceException) {
            return failure.getMessage();
        }
        return "Something went wrong: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }
}
