package io.igw.engine.ingest;

import io.igw.storage.fingerprints.FingerprintFiles;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogWriter;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.datasets.ImportTotals;
import io.igw.storage.datasets.NewDataset;
import io.igw.storage.fingerprints.FingerprintIndex;
import io.igw.storage.rejects.RejectedRowStore;
import io.igw.storage.rejects.RejectedRowWriter;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Imports one catalogue file (items, categories, users or reviews) as one dataset, in one transaction, with the
 * same line checks, duplicate counting and rejected-row keeping as events.
 */
final class CatalogueFileImporter {
    private final Workspace workspace;
    private final DatasetStore datasets;

    CatalogueFileImporter(Workspace workspace) {
        this.workspace = workspace;
        this.datasets = new DatasetStore(workspace);
    }

    FileImportResult importFile(Path file, CatalogueLayout layout, ImportFormat format, ImportProgress progress) {
        long t0 = System.nanoTime();
        progress.step(0, "checking content");
        NewDataset dataset = new NewDataset(layout.kind(), format.label(), file.getFileName().toString(),
                file.toAbsolutePath().toString(), ContentHash.sha256(file), "");
        return DatasetImport.run(workspace, file, dataset, t0,
                datasetId -> run(file, layout, format, datasetId, progress, t0));
    }

    private FileImportResult run(Path file, CatalogueLayout layout, ImportFormat format, int datasetId,
                                 ImportProgress progress, long t0) throws Exception {
        long total = Files.size(file);
        long read = 0;
        long imported = 0;
        long duplicates = 0;
        long rejected = 0;
        AtomicReference<Consumer<CatalogWriter>> pending = new AtomicReference<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             CsvRecordReader reader = new CsvRecordReader(in, layout.delimiter(), layout.quoting(), layout.latin1());
             RejectedRowWriter rejects = new RejectedRowWriter(workspace, datasetId);
             FingerprintIndex seen = FingerprintFiles.of(workspace).openIndex(datasetId, datasets.completeIds(layout.kind()),
                     total / 16 + 16);
             CatalogWriter writer = new CatalogWriter(workspace, datasetId)) {
            if (layout.hasHeader()) {
                if (!reader.next() || reader.isBinary() || reader.isTooLong()) {
                    throw new ImportException(file + " does not start with a readable header line.");
                }
                layout.header(reader);
            }
            layout.start(writer);
            while (reader.next()) {
                if (reader.isBlank()) {
                    continue;
                }
                read++;
                if (read % 4096 == 0) {
                    progress.context().checkCancelled();
                    progress.bytes(reader.bytesConsumed(), total, read);
                }
                String reason = RejectReason.structural(reader);
                if (reason == null) {
                    reason = layout.check(reader, pending::set);
                }
                if (reason != null) {
                    rejected++;
                    rejects.add(reader.lineNo(), reader.rawText(), reason);
                    continue;
                }
                String[] fields = new String[reader.fieldCount()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = reader.field(i);
                }
                if (!seen.addIfAbsent(Fingerprint.ofText(layout.kind().label(), fields))) {
                    duplicates++;
                    continue;
                }
                pending.get().accept(writer);
                imported++;
            }
            progress.context().checkCancelled();
            rejects.flush();
            seen.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            writer.complete(new ImportTotals(read, imported, duplicates, rejected, 0, 0, seconds));
            progress.step(1, "done");
            return new FileImportResult(file.toString(), layout.kind(), format.label(), datasetId, read, imported,
                    duplicates, rejected, 0, 0, seconds, null, new RejectedRowStore(workspace).countsByReason(datasetId), Map.of());
        }
    }
}
