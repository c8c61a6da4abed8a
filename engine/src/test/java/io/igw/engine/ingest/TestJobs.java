package io.igw.engine.ingest;

import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.function.DoublePredicate;

/** Helpers that run import jobs on the test's thread. */
final class TestJobs {
    private TestJobs() {
    }

    static JobContext quiet() {
        return JobContext.quiet();
    }

    /** A context that reports cancel once progress has passed the predicate. */
    static JobContext cancelWhen(DoublePredicate stop) {
        return new JobContext() {
            private volatile boolean cancelled;

            @Override
            public void progress(double fraction, String message) {
                if (stop.test(fraction)) {
                    cancelled = true;
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    static ImportReport importEvents(Workspace ws, ImportFormat format, Path file) {
        return new WorkspaceImport(ws, ImportRequest.events(format, file)).run(quiet());
    }

    static FileImportResult importOne(Workspace ws, ImportFormat format, Path file) {
        return importEvents(ws, format, file).files().get(0);
    }
}
