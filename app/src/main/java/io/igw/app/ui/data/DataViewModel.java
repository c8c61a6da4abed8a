package io.igw.app.ui.data;

import io.igw.app.ui.kit.Problems;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.ingest.ImportReport;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.graph.ImportThenUpdate;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetInfo;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.rejects.RejectedRow;
import io.igw.storage.rejects.RejectedRowStore;
import io.igw.storage.stats.WorkspaceStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Data screen's state and commands: the workspace's datasets, the summary of the one selected (or of the whole
 * workspace), and importing with progress and cancel. Every read and write runs as a background job; results are
 * applied on the UI executor, and a summary is applied only if it is still the one last asked for.
 */
public final class DataViewModel {
    static final int REJECTED_PAGE = 200;

    private final Workspace workspace;
    private final UiTasks tasks;

    final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    final ObjectProperty<DatasetInfo> selected = new SimpleObjectProperty<>();
    final ObjectProperty<DatasetSummary> summary = new SimpleObjectProperty<>();
    final ObservableList<RejectedRow> rejectedRows = FXCollections.observableArrayList();
    final BooleanProperty moreRejected = new SimpleBooleanProperty();
    final BooleanProperty importing = new SimpleBooleanProperty();
    final DoubleProperty importProgress = new SimpleDoubleProperty();
    final StringProperty importMessage = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("");
    final ObjectProperty<ImportReport> lastImport = new SimpleObjectProperty<>();

    private UiTasks.Running importJob;
    private long summaryGeneration;

    public DataViewModel(Workspace workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        selected.addListener((obs, old, now) -> loadSummary());
    }

    /** Reloads the dataset list and the current summary. */
    public void refresh() {
        DatasetInfo current = selected.get();
        reload(current == null ? null : current.id());
    }

    /**
     * Reloads the dataset list and selects the dataset with this id (null: the whole workspace). The summary is
     * loaded once: by the selection listener when the selection changes, here when it does not.
     */
    private void reload(Integer datasetId) {
        tasks.start("list datasets", ctx -> new DatasetStore(workspace).list(), new UiTasks.Outcome<List<DatasetInfo>>(
                list -> {
                    datasets.setAll(list);
                    DatasetInfo pick = list.stream().filter(d -> datasetId != null && d.id() == datasetId).findFirst().orElse(null);
                    if (Objects.equals(pick, selected.get())) {
                        loadSummary();
                    }
                    selected.set(pick);
                }, this::failed, () -> { }));
    }

    void loadSummary() {
        long generation = ++summaryGeneration;
        DatasetInfo dataset = selected.get();
        tasks.start("summary", ctx -> summarise(dataset), new UiTasks.Outcome<DatasetSummary>(s -> {
            if (generation == summaryGeneration) {
                summary.set(s);
                rejectedRows.setAll(s.rejectedRows());
                moreRejected.set(s.rejectedRows().size() == REJECTED_PAGE);
            }
        }, this::failed, () -> { }));
    }

    private DatasetSummary summarise(DatasetInfo dataset) {
        WorkspaceStats stats = new WorkspaceStats(workspace);
        boolean events = dataset == null || dataset.kind() == DatasetKind.EVENTS;
        Integer id = dataset == null ? null : dataset.id();
        Map<String, Long> funnel = new LinkedHashMap<>();
        if (events) {
            stats.behaviourCounts(id).forEach((b, n) -> {
                if (b != Behaviour.RATE || n > 0) {
                    funnel.put(b.label(), n);
                }
            });
        }
        long read = 0;
        long imported = 0;
        long duplicates = 0;
        long rejected = 0;
        for (DatasetInfo d : dataset == null ? new DatasetStore(workspace).list() : List.of(dataset)) {
            read += d.totals().read();
            imported += d.totals().imported();
            duplicates += d.totals().duplicates();
            rejected += d.totals().rejected();
        }
        RejectedRowStore rejects = new RejectedRowStore(workspace);
        return new DatasetSummary(dataset, read, imported, duplicates, rejected, funnel,
                events ? stats.eventsPerDay(id) : Map.of(),
                id == null ? List.of() : rejects.page(id, 0, REJECTED_PAGE),
                id == null ? Map.of() : rejects.countsByReason(id));
    }

    /** Appends the next page of the selected dataset's rejected lines. */
    public void loadMoreRejected() {
        DatasetInfo dataset = selected.get();
        if (dataset == null) {
            return;
        }
        long offset = rejectedRows.size();
        tasks.start("rejected rows", ctx -> new RejectedRowStore(workspace).page(dataset.id(), offset, REJECTED_PAGE),
                new UiTasks.Outcome<List<RejectedRow>>(page -> {
                    if (dataset.equals(selected.get())) {
                        rejectedRows.addAll(page);
                        moreRejected.set(page.size() == REJECTED_PAGE);
                    }
                }, this::failed, () -> { }));
    }

    /** Starts an import in the background; progress and the outcome arrive through the properties. */
    public void startImport(ImportRequest request) {
        startImport(request, report -> { });
    }

    /** As {@link #startImport(ImportRequest)}, then hands a successful import's report on. */
    public void startImport(ImportRequest request, java.util.function.Consumer<ImportReport> afterSuccess) {
        if (importing.get()) {
            status.set("An import is already running.");
            return;
        }
        importing.set(true);
        status.set("");
        importJob = tasks.start("import", new ImportThenUpdate(workspace, request), new UiTasks.Outcome<ImportThenUpdate.Result>(
                result -> {
                    ImportReport report = result.report();
                    importing.set(false);
                    lastImport.set(report);
                    status.set(describe(report) + (result.graph() == null ? ""
                            : String.format(" The interest graph was updated (build %d).", result.graph().buildId())));
                    reload(datasetToShow(report));
                    afterSuccess.accept(report);
                },
                failure -> {
                    importing.set(false);
                    failed(failure);
                    refresh();
                },
                () -> {
                    importing.set(false);
                    status.set("Import cancelled; nothing of the interrupted file was kept.");
                    refresh();
                }));
        importProgress.bind(importJob.progress);
        importMessage.bind(importJob.message);
    }

    public void cancelImport() {
        if (importJob != null && importing.get()) {
            importJob.cancel();
            importMessage.unbind();
            importMessage.set("Cancelling…");
        }
    }

    /** After an import, show the last events file it brought in (the one with a funnel), else its last file. */
    static Integer datasetToShow(ImportReport report) {
        Integer pick = null;
        for (var f : report.files()) {
            if (f.kind() == DatasetKind.EVENTS || pick == null) {
                pick = f.datasetId();
            }
        }
        return pick;
    }

    static String describe(ImportReport r) {
        String already = r.files().stream().anyMatch(f -> f.alreadyImportedAs() != null) ? " (already imported before: nothing added)" : "";
        return String.format(Locale.ROOT, "Imported %,d of %,d lines: %,d duplicates, %,d rejected, in %.1f s%s.",
                r.imported(), r.read(), r.duplicates(), r.rejected(), r.seconds(), already);
    }

    private void failed(Throwable t) {
        status.set(Problems.describe(t));
    }


    public Workspace workspace() {
        return workspace;
    }
}
