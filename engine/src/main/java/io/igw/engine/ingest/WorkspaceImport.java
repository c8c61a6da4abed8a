package io.igw.engine.ingest;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import job the CLI and the Data view both run. Each file becomes one dataset; a file that fails or is
 * cancelled leaves nothing of itself behind, while files finished before it stay.
 */
public final class WorkspaceImport implements Job<ImportReport> {
    private final Workspace workspace;
    private final ImportRequest request;

    public WorkspaceImport(Workspace workspace, ImportRequest request) {
        this.workspace = workspace;
        this.request = request;
    }

    @Override
    public ImportReport run(JobContext context) {
        long t0 = System.nanoTime();
        request.validate();
        Map<Path, DatasetKind> plan = new LinkedHashMap<>();
        Map<DatasetKind, Path> catalogues = request.orderedCatalogues();
        catalogues.forEach((kind, path) -> {
            if (kind != DatasetKind.REVIEWS) {
                plan.put(path, kind);
            }
        });
        request.eventFiles().forEach(p -> plan.put(p, DatasetKind.EVENTS));
        if (catalogues.containsKey(DatasetKind.REVIEWS)) {
            plan.put(catalogues.get(DatasetKind.REVIEWS), DatasetKind.REVIEWS);
        }
        long totalBytes = 0;
        for (Path p : plan.keySet()) {
            totalBytes += size(p);
        }
        List<FileImportResult> results = new ArrayList<>();
        double done = 0;
        for (Map.Entry<Path, DatasetKind> step : plan.entrySet()) {
            context.checkCancelled();
            Path file = step.getKey();
            double share = totalBytes == 0 ? 1.0 / plan.size() : (double) size(file) / totalBytes;
            ImportProgress progress = new ImportProgress(context, done, share, file.getFileName().toString());
            if (step.getValue() == DatasetKind.EVENTS) {
                results.add(new EventFileImporter(workspace).importFile(file, request.format(), request.mapping(), progress));
            } else {
                CatalogueLayout layout = CatalogueLayout.of(step.getValue(), request.format());
                results.add(new CatalogueFileImporter(workspace).importFile(file, layout, request.format(), progress));
            }
            done += share;
        }
        return new ImportReport(results, (System.nanoTime() - t0) / 1e9);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
