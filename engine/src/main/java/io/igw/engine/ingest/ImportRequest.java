package io.igw.engine.ingest;

import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to import: behaviour-log files in one format, with optional catalogue files beside them. Catalogues are
 * imported first (categories, items, users), then events, then reviews.
 */
public record ImportRequest(ImportFormat format, List<Path> eventFiles, Map<DatasetKind, Path> catalogues, String mapping) {
    public ImportRequest {
        Objects.requireNonNull(format, "format");
        eventFiles = List.copyOf(eventFiles);
        catalogues = Map.copyOf(catalogues);
        mapping = mapping == null ? "" : mapping.trim();
    }

    public static ImportRequest events(ImportFormat format, Path... files) {
        return new ImportRequest(format, List.of(files), Map.of(), "");
    }

    /** Checks, before anything is written, that every file exists and the mapping is sound. */
    public void validate() {
        if (eventFiles.isEmpty() && catalogues.isEmpty()) {
            throw new ImportException("Nothing to import: name at least one file.");
        }
        List<Path> all = new ArrayList<>(eventFiles);
        all.addAll(catalogues.values());
        for (Path p : all) {
            if (!Files.exists(p)) {
                throw new ImportException("No such file: " + p);
            }
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new ImportException("Not a readable file: " + p);
            }
        }
        if (catalogues.containsKey(DatasetKind.EVENTS)) {
            throw new ImportException("Events files are given as FILE arguments, not as a catalogue.");
        }
        if (format == ImportFormat.GENERIC || !mapping.isEmpty()) {
            ColumnMapping.parse(mapping);
        }
    }

    /** The catalogues in the order they are imported: categories, items, users, then reviews. */
    Map<DatasetKind, Path> orderedCatalogues() {
        Map<DatasetKind, Path> ordered = new java.util.LinkedHashMap<>();
        for (DatasetKind kind : List.of(DatasetKind.CATEGORIES, DatasetKind.ITEMS, DatasetKind.USERS, DatasetKind.REVIEWS)) {
            if (catalogues.containsKey(kind)) {
                ordered.put(kind, catalogues.get(kind));
            }
        }
        return ordered;
    }
}
