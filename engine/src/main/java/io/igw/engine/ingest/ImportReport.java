package io.igw.engine.ingest;

import io.igw.storage.datasets.DatasetKind;
import java.util.List;

/** The result of one import request: each file's result and the totals over all of them. */
public record ImportReport(List<FileImportResult> files, double seconds) {
    public ImportReport {
        files = List.copyOf(files);
    }

    public long read() {
        return files.stream().mapToLong(FileImportResult::read).sum();
    }

    public long imported() {
        return files.stream().mapToLong(FileImportResult::imported).sum();
    }

    public long duplicates() {
        return files.stream().mapToLong(FileImportResult::duplicates).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileImportResult::rejected).sum();
    }

    /** Distinct users in the imported events (summed over events files). */
    public long users() {
        return files.stream().filter(f -> f.kind() == DatasetKind.EVENTS).mapToLong(FileImportResult::users).sum();
    }

    public long items() {
        return files.stream().filter(f -> f.kind() == DatasetKind.EVENTS).mapToLong(FileImportResult::items).sum();
    }
}
