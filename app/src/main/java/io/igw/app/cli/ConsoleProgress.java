package io.igw.app.cli;

import io.igw.engine.task.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a job's progress on standard error: a bar redrawn in place on a terminal, a plain line every few seconds
 * otherwise (logs, CI), so that standard output stays pure JSON.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private long lastPrint;
    private boolean drew;

    ConsoleProgress(PrintStream err, boolean quiet) {
        this.err = err;
        this.terminal = System.console() != null && System.getenv("CI") == null;
        this.quiet = quiet;
    }

    @Override
    public void onProgress(double fraction, String message) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        long gap = terminal ? 200_000_000L : 5_000_000_000L;
        if (now - lastPrint < gap && fraction < 1) {
            return;
        }
        lastPrint = now;
        int pct = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        if (terminal) {
            int filled = pct / 4;
            err.print(String.format(Locale.ROOT, "\r[%-25s] %3d%% %-50.50s", "#".repeat(filled), pct, message));
            drew = true;
        } else {
            err.println(String.format(Locale.ROOT, "%3d%% %s", pct, message));
        }
        err.flush();
    }

    void finish() {
        if (drew) {
            err.print("\r" + " ".repeat(84) + "\r");
            err.flush();
        }
    }
}
