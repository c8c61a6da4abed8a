package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.storage.Workspace;
import io.igw.storage.WorkspaceException;
import io.igw.storage.datasets.DatasetInfo;
import io.igw.storage.datasets.DatasetStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM in the middle of an import (SIGKILL: no shutdown hook, no cleanup) and checks what is left. */
class KilledImportIT {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        new SampleGenerator(data, GeneratorOptions.forEvents(600_000, 5)).run(TestJobs.quiet());
    }

    @Test
    void aKilledImportLeavesAWorkspaceThatOpensConsistentAndImportsAgain() throws Exception {
        Path ws = tmp.resolve("ws");
        Path small = tmp.resolve("small.csv");
        Files.writeString(small, "1,100,10,pv,1511544070\n2,200,20,buy,1511544071\n");
        try (Workspace w = Workspace.open(ws, true)) {
            TestJobs.importOne(w, ImportFormat.TAOBAO, small);
        }

        Process child = start("import", ws.toString(), data.resolve("events.csv").toString());
        awaitLine(child, "importing");
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (Workspace w = Workspace.open(ws, false)) {
            List<DatasetInfo> datasets = new DatasetStore(w).list();
            assertEquals(1, datasets.size(), "only the import that finished remains");
            assertEquals(2, WorkspaceProbe.events(w));
            assertEquals(1, WorkspaceProbe.partitions(w));
            assertEquals(0, WorkspaceProbe.count(w, "SELECT COUNT(*) FROM datasets WHERE status <> 'complete'"));
            assertEquals(0, WorkspaceProbe.count(w, "SELECT COUNT(*) FROM rejected_rows"));
            assertEquals(2, WorkspaceProbe.count(w, "SELECT COUNT(*) FROM users"));

            FileImportResult again = TestJobs.importOne(w, ImportFormat.TAOBAO, data.resolve("events.csv"));
            assertEquals(again.read(), again.imported());
            assertEquals(2 + again.imported(), WorkspaceProbe.events(w));
        }
    }

    @Test
    void aSecondProcessOpeningAWorkspaceInUseGetsAClearMessage() throws Exception {
        Path ws = tmp.resolve("busy");
        Process holder = start("hold", ws.toString());
        try {
            awaitLine(holder, "holding");
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(ws, true));
            assertEquals("The workspace at " + ws + " is open in another process; close it there first.", e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (Workspace w = Workspace.open(ws, false)) {
            assertTrue(new DatasetStore(w).list().isEmpty());
        }
    }

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), ImportChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitLine(Process p, String wanted) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = r.readLine()) != null; ) {
            if (line.equals(wanted)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended before '" + wanted + "':\n" + seen);
    }
}
