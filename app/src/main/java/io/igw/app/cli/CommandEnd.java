package io.igw.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When the command running in this process has ended: closed its workspace and printed its last line. Ctrl-C's
 * shutdown hook waits for it after cancelling the job, so that the JVM does not halt while the workspace is still
 * closing (H2 would then reopen from its recovery, not from a clean close).
 */
public final class CommandEnd {
    private static volatile CountDownLatch ended = new CountDownLatch(0);

    private CommandEnd() {
    }

    /** A command starts. */
    public static void begin() {
        ended = new CountDownLatch(1);
    }

    /** The command has ended, workspace closed. */
    public static void end() {
        ended.countDown();
    }

    /** Waits at most {@code seconds} for the running command to end. */
    static void await(long seconds) {
        try {
            ended.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
