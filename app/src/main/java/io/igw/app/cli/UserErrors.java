package io.igw.app.cli;

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
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on standard error and a non-zero exit. Mistakes a person can fix get their
 * message as is; anything else names itself and, only with IGW_DEBUG=1, prints its stack trace.
 */
public final class UserErrors {
    public static final int USAGE = 2;
    public static final int FAILED = 1;
    public static final int CANCELLED = 130;

    private UserErrors() {
    }

    public static void install(CommandLine cli) {
        cli.setParameterExceptionHandler((ex, args) -> {
            System.err.println("igw: " + ex.getMessage());
            System.err.println("Try 'igw " + commandPath(ex.getCommandLine()) + "--help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (System.getenv("IGW_DEBUG") != null) {
                ex.printStackTrace();
            }
            return report(ex);
        });
    }

    /** Prints the failure as one line (its stack trace only with IGW_DEBUG=1) and returns the exit status. */
    public static int report(Throwable ex) {
        Throwable e = ex;
        if (e instanceof UncheckedIOException u) {
            e = u.getCause();
        }
        if (Cleanup.diskFull(ex)) {
            System.err.println("igw: the disk is full (no space left on the device holding the workspace or the output); "
                    + "nothing of the interrupted step was kept. Free some space and run it again.");
            return FAILED;
        }
        DamagedFile damaged = DamagedFile.in(e);
        if (damaged != null) {
            System.err.println("igw: " + damaged.getMessage() + ". What it held can be made again from the workspace's database: "
                    + "./igw doctor --workspace W --repair");
            return FAILED;
        }
        if (e instanceof CancelledException) {
            System.err.println("igw: cancelled; nothing of the interrupted step was kept.");
            return CANCELLED;
        }
        if (e instanceof OutOfMemoryError oom) {
            e = NotEnoughMemory.ranOut("igw", oom);
        }
        if (e instanceof NotEnoughMemory m) {
            System.err.println("igw: " + words(m));
            return FAILED;
        }
        if (e instanceof UserError u) {
            System.err.println("igw: " + words(u));
            return USAGE;
        }
        if (e instanceof ImportException || e instanceof WorkspaceException || e instanceof IllegalArgumentException) {
            System.err.println("igw: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof NoSuchFileException n) {
            System.err.println("igw: no such file: " + n.getFile());
            return USAGE;
        }
        if (e instanceof AccessDeniedException a) {
            System.err.println("igw: permission denied: " + a.getFile());
            return USAGE;
        }
        if (isMissingDesktop(e)) {
            System.err.println("igw: the workbench window needs a graphical desktop (a DISPLAY and GTK 3: "
                    + "apt-get install libgtk-3-0); the commands work without one: igw --help.");
            return FAILED;
        }
        if (e instanceof java.io.IOException io) {
            System.err.println("igw: " + io.getMessage());
            return FAILED;
        }
        System.err.println("igw: unexpected error: " + e + " (run with IGW_DEBUG=1 for details)");
        return FAILED;
    }

    /** An engine error in the words of the command line: settings by their flags, what to do by its command. */
    static String words(UserError e) {
        if (e instanceof NotEnoughMemory m) {
            return m.withRemedy("Run it again with more: IGW_HEAP=" + m.suggestedHeapSetting() + " ./igw ...");
        }
        if (e instanceof AudienceTooSmall t) {
            return t.getMessage() + " with --min-size (at your own risk: platforms will refuse it too).";
        }
        if (e instanceof InvalidSetting s && s.conflictsWith() != null) {
            return "Give " + flag(s.setting()) + " or " + flag(s.conflictsWith()) + ", not both.";
        }
        if (e instanceof InvalidSetting s) {
            return flag(s.setting()) + " " + s.problem();
        }
        if (e instanceof MissingPrerequisite m) {
            return switch (m.need()) {
                case EVENTS -> "The workspace has no events yet: import a behaviour log first (./igw import --workspace W ...).";
                case GRAPH -> "No interest graph has been built yet: run ./igw graph build --workspace W first.";
                case MODEL -> "No " + (m.model() == null ? "" : m.model() + " ") + "model has been trained in this workspace yet: "
                        + "run ./igw train --workspace W --model " + (m.model() == null ? "ease" : m.model()) + " first.";
                case USER_VECTORS -> "Learned user vectors come from a trained model: run ./igw train --workspace W --model "
                        + "sequence or autoencoder (or deepwalk) first.";
                case SPARK -> "This runs on Apache Spark, which is not on this class path: run it through ./igw from a source "
                        + "checkout (it builds spark/ and adds it), or put spark/target/igw-spark.jar and spark/target/lib/* "
                        + "on the class path.";
            };
        }
        return e.getMessage();
    }

    private static String flag(String setting) {
        return "--" + setting.replace('_', '-');
    }

    private static boolean isMissingDesktop(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("glass GTK library") || m.contains("Unable to open DISPLAY") || m.contains("No toolkit found")) {
                return true;
            }
        }
        return false;
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }
}
