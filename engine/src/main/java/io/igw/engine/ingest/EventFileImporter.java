package io.igw.engine.ingest;

import io.igw.storage.fingerprints.FingerprintFiles;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.EntityRegistry;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.datasets.ImportTotals;
import io.igw.storage.datasets.NewDataset;
import io.igw.storage.events.EventColumns;
import io.igw.storage.events.EventPartitions;
import io.igw.storage.events.EventRow;
import io.igw.storage.fingerprints.FingerprintIndex;
import io.igw.storage.rejects.RejectedRowStore;
import io.igw.storage.rejects.RejectedRowWriter;
import io.igw.storage.stats.ActivitySummary;
import io.igw.storage.stats.EventDatasetCompletion;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports one behaviour-log file as one dataset, streaming: each line is parsed and checked, exact duplicates
 * (within the file and against earlier datasets) are counted and skipped, bad lines go to the rejected table with
 * their line number and reason, and good events flow straight into the dataset's partition. If anything stops it
 * (a cancel, a failure, a kill) the dataset is removed whole.
 */
final class EventFileImporter {
    private static final int CHECK_EVERY = 8192;

    private final Workspace workspace;
    private final DatasetStore datasets;

    EventFileImporter(Workspace workspace) {
        this.workspace = workspace;
        this.datasets = new DatasetStore(workspace);
    }

    FileImportResult importFile(Path file, ImportFormat format, String mappingSpec, ImportProgress progress) {
        long t0 = System.nanoTime();
        EventLineParser parser = EventParsers.forFormat(format, mappingSpec, file);
        progress.step(0, "checking content");
        NewDataset dataset = new NewDataset(DatasetKind.EVENTS, format.label(), file.getFileName().toString(),
                file.toAbsolutePath().toString(), ContentHash.sha256(file), format == ImportFormat.GENERIC ? mappingSpec : "");
        return DatasetImport.run(workspace, file, dataset, t0,
                datasetId -> run(file, format, parser, datasetId, progress, t0));
    }

    private FileImportResult run(Path file, ImportFormat format, EventLineParser parser, int datasetId,
                                 ImportProgress progress, long t0) throws Exception {
        long total = Files.size(file);
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("prepare", lap(phases, t0));
        Counts counts = new Counts();
        ActivitySummary activity = new ActivitySummary();
        DistinctIds users = new DistinctIds();
        DistinctIds items = new DistinctIds();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             CsvRecordReader reader = new CsvRecordReader(in, parser.delimiter(), parser.quoting(), false);
             RejectedRowWriter rejects = new RejectedRowWriter(workspace, datasetId);
             FingerprintIndex seen = FingerprintFiles.of(workspace).openIndex(datasetId, datasets.completeIds(DatasetKind.EVENTS),
                     total / 16 + 16);
             EntityRegistrar entities = new EntityRegistrar(new EntityRegistry(workspace), datasetId);
             EventColumns.Writer snapshot = new EventColumns(workspace).writer(datasetId)) {
            if (parser.hasHeader()) {
                readHeader(file, reader, parser);
            }
            long written;
            try (EventPipeline pipeline = new EventPipeline(sink -> checkLines(reader, parser, total, progress, counts,
                    rejects, seen, new Tally(activity, users, items, entities, snapshot), sink))) {
                written = new EventPartitions(workspace).write(datasetId, parser.optionalColumns(), pipeline);
            }
            phases.put("stream_and_write", lap(phases, t0));
            if (written != counts.imported) {
                throw new IllegalStateException("wrote " + written + " events but imported " + counts.imported);
            }
            progress.context().checkCancelled();
            progress.step(0.97, "saving fingerprints; registering " + users.size() + " users and " + items.size() + " items");
            rejects.flush();
            seen.commit();
            snapshot.commit();
            entities.finish();
        }
        phases.put("finish_fingerprints_and_entities", lap(phases, t0));
        progress.context().checkCancelled();
        double seconds = (System.nanoTime() - t0) / 1e9;
        ImportTotals totals = new ImportTotals(counts.read, counts.imported, counts.duplicates, counts.rejected,
                users.size(), items.size(), seconds);
        new EventDatasetCompletion(workspace).complete(datasetId, totals, activity);
        phases.put("publish", lap(phases, t0));
        progress.step(1, "done");
        return new FileImportResult(file.toString(), DatasetKind.EVENTS, format.label(), datasetId, counts.read,
                counts.imported, counts.duplicates, counts.rejected, users.size(), items.size(), seconds, null,
                new RejectedRowStore(workspace).countsByReason(datasetId), phases);
    }

    /** What the good events are counted into besides the partition: the tallies and the columnar snapshot. */
    private record Tally(ActivitySummary activity, DistinctIds users, DistinctIds items, EntityRegistrar entities,
                         EventColumns.Writer snapshot) {
        void add(EventRow row) {
            snapshot.add(row);
            activity.add(row.eventTime, row.behaviour);
            if (users.add(row.userId, 0)) {
                entities.user(row.userId);
            }
            if (items.add(row.itemId, row.categoryId)) {
                entities.item(row.itemId, row.categoryId);
            }
        }
    }

    /**
     * The producer's loop: every line is read, then rejected (with its line number and reason), counted as a
     * duplicate, or handed on to be written.
     */
    private static void checkLines(CsvRecordReader reader, EventLineParser parser, long totalBytes, ImportProgress progress,
                                   Counts counts, RejectedRowWriter rejects, FingerprintIndex seen, Tally tally,
                                   EventPipeline.Sink sink) throws Exception {
        EventRow row = sink.row();
        while (reader.next()) {
            if (reader.isBlank()) {
                continue; // decision: an empty line holds no row, so it is neither read nor rejected
            }
            counts.read++;
            if (counts.read % CHECK_EVERY == 0) {
                progress.context().checkCancelled();
                progress.bytes(reader.bytesConsumed(), totalBytes, counts.read);
            }
            String reason = RejectReason.structural(reader);
            if (reason == null) {
                row.clear();
                reason = parser.parse(reader, row);
            }
            if (reason != null) {
                counts.rejected++;
                rejects.add(reader.lineNo(), reader.rawText(), reason);
            } else if (!seen.addIfAbsent(Fingerprint.of(row))) {
                counts.duplicates++;
            } else {
                counts.imported++;
                tally.add(row);
                sink.accept();
            }
        }
        sink.finish();
    }

    private static double lap(Map<String, Double> phases, long t0) {
        double sinceStart = (System.nanoTime() - t0) / 1e9;
        double before = phases.values().stream().mapToDouble(Double::doubleValue).sum();
        return Math.round((sinceStart - before) * 1000) / 1000.0;
    }

    static void readHeader(Path file, CsvRecordReader reader, EventLineParser parser) throws IOException {
        if (!reader.next()) {
            throw new ImportException(file + " is empty: expected a header line.");
        }
        if (reader.isBinary() || reader.isTooLong()) {
            throw new ImportException(file + " does not start with a readable header line.");
        }
        parser.header(reader);
    }

    /** Mutable tallies shared with the streaming lambda. */
    static final class Counts {
        long read;
        long imported;
        long duplicates;
        long rejected;
    }
}
