package io.igw.engine.ingest;

import io.igw.storage.Cleanup;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetInfo;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.datasets.ImportTotals;
import io.igw.storage.datasets.NewDataset;
import io.igw.storage.rejects.RejectedRowStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The frame every file import runs in: a file already imported with the same content adds nothing; otherwise the
 * dataset is registered, the body imports it, and if the body fails or is cancelled the dataset is removed whole.
 */
final class DatasetImport {
    private DatasetImport() {
    }

    /** Imports the rows of a registered dataset and returns the result. */
    interface Body {
        FileImportResult run(int datasetId) throws Exception;
    }

    static FileImportResult run(Workspace workspace, Path file, NewDataset dataset, long t0, Body body) {
        DatasetStore datasets = new DatasetStore(workspace);
        Optional<DatasetInfo> before = datasets.findSameContent(dataset);
        if (before.isPresent()) {
            return alreadyImported(workspace, file, before.get(), t0);
        }
        int datasetId = datasets.begin(dataset);
        try {
            return body.run(datasetId);
        } catch (RuntimeException | Error e) {
            Cleanup.after(e, () -> datasets.discard(datasetId));
            throw e;
        } catch (Exception e) {
            ImportException failed = new ImportException("Import of " + file + " failed: " + e.getMessage(), e);
            Cleanup.after(failed, () -> datasets.discard(datasetId));
            throw failed;
        }
    }

    private static FileImportResult alreadyImported(Workspace workspace, Path file, DatasetInfo before, long t0) {
        ImportTotals prior = before.totals();
        return new FileImportResult(file.toString(), before.kind(), before.format(), before.id(), prior.read(), 0,
                prior.imported() + prior.duplicates(), prior.rejected(), prior.users(), prior.items(),
                (System.nanoTime() - t0) / 1e9, before.id(), new RejectedRowStore(workspace).countsByReason(before.id()),
                Map.of());
    }
}
