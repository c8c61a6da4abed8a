package io.igw.app.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.ingest.ImportException;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.task.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportDialogViewModelTest {
    @TempDir
    Path tmp;

    private final ImportDialogViewModel model = new ImportDialogViewModel(new UiTasks(JobRunner.direct(), Runnable::run));

    @Test
    void choosingAFileShowsItsFirstRowsSplitByTheFormat() throws Exception {
        Path file = tmp.resolve("UserBehavior.csv");
        Files.writeString(file, "1,2268318,2520377,pv,1511544070\n1,2333346,2520771,pv,1511561733\n");

        model.useFile(file);

        assertEquals(ImportFormat.TAOBAO, model.format.get());
        assertEquals(List.of("user_id", "item_id", "category_id", "behaviour", "timestamp"), model.previewHeader);
        assertEquals(2, model.previewRows.size());
        assertEquals("2268318", model.previewRows.get(0).get(1));
        assertTrue(model.canImport().get());
    }

    @Test
    void genericFilesGetTheirColumnsGuessedIntoAMapping() throws Exception {
        Path file = tmp.resolve("log.csv");
        Files.writeString(file, "visitorid;sku;event;timestamp\n7;1001;view;1709290800\n");
        model.format.set(ImportFormat.GENERIC);
        model.delimiter.set("semicolon");

        model.useFile(file);

        assertEquals("visitorid", model.mapping.get("user").get());
        assertEquals("sku", model.mapping.get("item").get());
        assertEquals("delimiter=semicolon,user=visitorid,item=sku,behaviour=event,time=timestamp", model.mappingSpec());
        assertEquals(1, model.toRequest().eventFiles().size());
    }

    @Test
    void aMissingFileCannotBeImportedAndSaysSo() {
        model.file.set(tmp.resolve("nope.csv").toString());

        assertFalse(model.canImport().get());
        assertEquals("No such file: " + tmp.resolve("nope.csv"), model.previewError.get());
        assertThrows(ImportException.class, model::toRequest);
    }
}
