package io.igw.app.ui.data;

import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.ingest.ColumnMapping;
import io.igw.engine.ingest.FilePreview;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import dialog's state: the file, its format, a preview of its first rows (read in the background whenever
 * the file or format changes), the column mapping for generic files, and optional catalogue files.
 */
public final class ImportDialogViewModel {
    static final int PREVIEW_ROWS = 20;
    static final String[] MAPPED_ROLES = {"user", "item", "behaviour", "time", "category", "session"};
    static final String NOT_MAPPED = "(none)";

    private final UiTasks tasks;
    final StringProperty file = new SimpleStringProperty("");
    final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(ImportFormat.TAOBAO);
    final StringProperty delimiter = new SimpleStringProperty("comma");
    final Map<String, StringProperty> mapping = new LinkedHashMap<>();
    final Map<DatasetKind, StringProperty> catalogues = new EnumMap<>(DatasetKind.class);
    final ObservableList<String> previewHeader = FXCollections.observableArrayList();
    final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    final StringProperty previewError = new SimpleStringProperty("");
    private long previewGeneration;

    public ImportDialogViewModel(UiTasks tasks) {
        this.tasks = tasks;
        for (String role : MAPPED_ROLES) {
            mapping.put(role, new SimpleStringProperty(NOT_MAPPED));
        }
        for (DatasetKind kind : List.of(DatasetKind.CATEGORIES, DatasetKind.ITEMS, DatasetKind.USERS, DatasetKind.REVIEWS)) {
            catalogues.put(kind, new SimpleStringProperty(""));
        }
        file.addListener((o, a, b) -> loadPreview());
        format.addListener((o, a, b) -> loadPreview());
        delimiter.addListener((o, a, b) -> loadPreview());
    }

    /** Pre-fills the file (from a drop or the chooser) and guesses the format from its name. */
    public void useFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.equals("u.data") || name.equals("ratings.csv")) {
            format.set(ImportFormat.MOVIELENS);
        } else if (name.startsWith("userbehavior")) {
            format.set(ImportFormat.TAOBAO);
        }
        file.set(path.toString());
    }

    BooleanBinding canImport() {
        return Bindings.createBooleanBinding(() -> !file.get().isBlank() && previewError.get().isEmpty(),
                file, previewError);
    }

    void loadPreview() {
        long generation = ++previewGeneration;
        String path = file.get().trim();
        if (path.isEmpty()) {
            previewHeader.clear();
            previewRows.clear();
            previewError.set("");
            return;
        }
        ImportFormat f = format.get();
        String spec = f == ImportFormat.GENERIC ? "delimiter=" + delimiter.get() : "";
        tasks.start("preview", ctx -> {
            Path p = Path.of(path);
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new IllegalArgumentException("No such file: " + path);
            }
            return FilePreview.read(p, f, spec, PREVIEW_ROWS);
        }, new UiTasks.Outcome<FilePreview>(preview -> {
            if (generation != previewGeneration) {
                return;
            }
            previewError.set("");
            previewHeader.setAll(preview.header());
            previewRows.setAll(preview.rows());
            if (f == ImportFormat.GENERIC) {
                guessMapping(preview.header());
            }
        }, failure -> {
            if (generation == previewGeneration) {
                previewHeader.clear();
                previewRows.clear();
                previewError.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        }, () -> { }));
    }

    private void guessMapping(List<String> header) {
        for (String role : MAPPED_ROLES) {
            int at = ColumnMapping.guess(ColumnMapping.Role.valueOf(role.toUpperCase(java.util.Locale.ROOT)), header);
            mapping.get(role).set(at < 0 ? NOT_MAPPED : header.get(at));
        }
    }

    /** The mapping spec the generic importer takes, from the dialog's choices. */
    String mappingSpec() {
        if (format.get() != ImportFormat.GENERIC) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add("delimiter=" + delimiter.get());
        mapping.forEach((role, column) -> {
            if (!NOT_MAPPED.equals(column.get()) && !column.get().isBlank()) {
                parts.add(role + "=" + column.get());
            }
        });
        return String.join(",", parts);
    }

    ImportRequest toRequest() {
        Map<DatasetKind, Path> chosen = new EnumMap<>(DatasetKind.class);
        catalogues.forEach((kind, path) -> {
            if (!path.get().isBlank()) {
                chosen.put(kind, Path.of(path.get().trim()));
            }
        });
        ImportRequest request = new ImportRequest(format.get(), List.of(Path.of(file.get().trim())), chosen, mappingSpec());
        request.validate();
        return request;
    }
}
