package io.igw.engine.ingest;

import io.igw.storage.datasets.DatasetKind;
import java.util.Map;

/**
 * How one file's import ended. {@code alreadyImportedAs} is set when the same content had been imported before,
 * in which case nothing was added and every good line counts as a duplicate. {@code phaseSeconds} says where the
 * time went (events files only).
 */
public record FileImportResult(String path, DatasetKind kind, String format, Integer datasetId, long read, long imported,
                               long duplicates, long rejected, long users, long items, double seconds,
                               Integer alreadyImportedAs, Map<String, Long> rejectReasons,
                               Map<String, Double> phaseSeconds) {
    public FileImportResult {
        if (read != imported + duplicates + rejected) {
            throw new IllegalStateException("counts do not add up for " + path);
        }
        rejectReasons = Map.copyOf(rejectReasons);
        phaseSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseSeconds));
    }
}
