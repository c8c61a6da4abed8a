package io.igw.app.cli;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobHandle;
import io.igw.engine.task.JobRunner;

/** Runs an engine job on the caller's thread with console progress; Ctrl-C cancels it cleanly. */
final class Jobs {
    private Jobs() {
    }

    static <T> T run(String name, Job<T> job, boolean quiet) throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err, quiet);
        try (JobRunner runner = JobRunner.background()) {
            JobHandle<T> handle = runner.submit(name, job, progress);
            Thread hook = new Thread(() -> {
                handle.cancel();
                try {
                    handle.await();
                } catch (Exception ignored) {
                    // the job undid its own work; nothing more to report while exiting
                }
                // and the command closes its workspace before the JVM halts
                CommandEnd.await(10);
            }, "igw-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return handle.await();
            } finally {
                progress.finish();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException exiting) {
                    // already shutting down: the hook is cancelling the job
                }
            }
        }
    }
}
