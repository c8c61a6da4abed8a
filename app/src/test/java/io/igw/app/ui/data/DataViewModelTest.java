package io.igw.app.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.task.JobRunner;
import io.igw.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data screen's behaviour, without a window: jobs run on the test's thread. */
class DataViewModelTest {
    @TempDir
    Path tmp;

    private Workspace workspace;
    private DataViewModel model;

    @BeforeEach
    void open() {
        workspace = Workspace.open(tmp.resolve("ws"), true);
        model = new DataViewModel(workspace, new UiTasks(JobRunner.direct(), Runnable::run));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void anImportSelectsItsDatasetAndShowsItsCountsFunnelAndRejects() throws Exception {
        Path file = tmp.resolve("events.csv");
        Files.writeString(file, "1,100,10,pv,1511544070\n1,100,10,buy,1511544090\n2,100,10,pv,1511630470\nbad line\n");

        model.startImport(ImportRequest.events(ImportFormat.TAOBAO, file));

        assertFalse(model.importing.get());
        assertEquals(1, model.datasets.size());
        assertEquals(model.datasets.get(0), model.selected.get());
        DatasetSummary s = model.summary.get();
        assertEquals(4, s.read());
        assertEquals(3, s.imported());
        assertEquals(1, s.rejected());
        assertEquals(2L, s.funnel().get("view"));
        assertEquals(1L, s.funnel().get("buy"));
        assertEquals(2, s.perDay().size());
        assertEquals(1, model.rejectedRows.size());
        assertEquals(4, model.rejectedRows.get(0).lineNo());
        assertTrue(model.status.get().startsWith("Imported 3 of 4 lines"), model.status.get());
    }

    @Test
    void aFailedImportSaysWhyAndKeepsNothing() {
        model.startImport(ImportRequest.events(ImportFormat.GENERIC, tmp.resolve("missing.csv")));

        assertFalse(model.importing.get());
        assertEquals("No such file: " + tmp.resolve("missing.csv"), model.status.get());
        assertTrue(model.datasets.isEmpty());
    }

    @Test
    void clearingTheSelectionSummarisesTheWholeWorkspace() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Files.writeString(a, "1,100,10,pv,1511544070\n");
        Files.writeString(b, "2,200,20,cart,1511544070\n3,300,30,fav,1511544070\n");
        model.startImport(ImportRequest.events(ImportFormat.TAOBAO, a));
        model.startImport(ImportRequest.events(ImportFormat.TAOBAO, b));

        model.selected.set(null);

        assertNull(model.summary.get().dataset());
        assertEquals(3, model.summary.get().imported());
        assertEquals(2, model.datasets.size());
    }
}
