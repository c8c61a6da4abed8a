package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.task.CancelledException;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelImportTest {
    @TempDir
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        new SampleGenerator(data, GeneratorOptions.of(1500, 3)).run(TestJobs.quiet());
    }

    @Test
    void aCancelledImportLeavesNothingBehindAndCanBeRepeated() throws IOException {
        Path events = data.resolve("events.csv");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            Path withBadLine = tmp.resolve("events-with-bad.csv");
            Files.writeString(withBadLine, "not,a,valid,line\n" + Files.readString(events));

            assertThrows(CancelledException.class, () -> new WorkspaceImport(ws,
                    ImportRequest.events(ImportFormat.TAOBAO, withBadLine)).run(TestJobs.cancelWhen(f -> f > 0.3)));

            assertEquals(0, new DatasetStore(ws).list().size());
            assertEquals(0, WorkspaceProbe.events(ws));
            assertEquals(0, WorkspaceProbe.partitions(ws));
            assertEquals(0, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM rejected_rows"));
            assertEquals(0, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM users"));
            assertEquals(0, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM items"));
            assertEquals(0, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM dataset_daily_counts"));
            assertTrue(fingerprintFiles(ws).isEmpty(), "no fingerprint file survives a cancel");

            FileImportResult again = TestJobs.importOne(ws, ImportFormat.TAOBAO, withBadLine);
            assertEquals(again.read() - 1, again.imported());
            assertEquals(again.imported(), WorkspaceProbe.events(ws));
        }
    }

    @Test
    void cancellingASecondImportKeepsTheFirst() throws IOException {
        Path first = tmp.resolve("first.csv");
        Files.writeString(first, "1,100,10,pv,1511544070\n2,200,20,buy,1511544071\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            TestJobs.importOne(ws, ImportFormat.TAOBAO, first);
            assertThrows(CancelledException.class, () -> new WorkspaceImport(ws, ImportRequest.events(
                    ImportFormat.TAOBAO, data.resolve("events.csv"))).run(TestJobs.cancelWhen(f -> f > 0.5)));

            assertEquals(1, new DatasetStore(ws).list().size());
            assertEquals(2, WorkspaceProbe.events(ws));
            assertEquals(2, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM users"));
        }
    }

    private static java.util.List<Path> fingerprintFiles(Workspace ws) throws IOException {
        Path dir = ws.folder().resolve("fingerprints");
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
