package io.igw.engine.ingest;

import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Path;

/**
 * A separate JVM for the crash tests: imports a file (printing "importing" once a fifth of it is in, so the parent
 * knows when to kill it), or just holds a workspace open ("holding") until it is killed.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        Workspace ws = Workspace.open(Path.of(args[1]), true);
        if (args[0].equals("hold")) {
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(120_000);
            return;
        }
        boolean[] said = new boolean[1];
        new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, Path.of(args[2]))).run(new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                if (fraction > 0.2 && !said[0]) {
                    said[0] = true;
                    System.out.println("importing");
                    System.out.flush();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        System.out.println("finished");
        ws.close();
    }
}
