package io.igw.app.ui.data;

import io.igw.app.ui.kit.ChartViewers;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.ingest.ImportRequest;
import io.igw.storage.datasets.DatasetInfo;
import io.igw.storage.rejects.RejectedRow;
import io.igw.viz.charts.ActivityChart;
import io.igw.viz.charts.FunnelChart;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Data screen: the workspace's datasets on the left; on the right the selected dataset's counts, its behaviour
 * funnel, its events per day and its rejected lines. Imports start from the toolbar or from a file dropped on the
 * window, and run in the background with a progress bar and Cancel.
 */
public final class DataView extends BorderPane {
    private final DataViewModel model;
    private final UiTasks tasks;
    private final TableView<DatasetInfo> table = new TableView<>();
    private final ChartViewer funnel = ChartViewers.create();
    private final ChartViewer activity = ChartViewers.create();
    private final StackPane funnelPane = new StackPane();
    private final StackPane activityPane = new StackPane();

    public DataView(DataViewModel model, UiTasks tasks) {
        this.model = model;
        this.tasks = tasks;
        getStyleClass().add("data-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(datasetsPane(), summaryPane());
        split.setDividerPositions(0.47);
        setCenter(split);
        model.summary.addListener((o, a, s) -> showCharts(s));
    }

    private Region toolbar() {
        Button importButton = new Button("Import data…", new FontIcon(Feather.UPLOAD));
        importButton.setId("importButton");
        importButton.getStyleClass().add("accent");
        importButton.setOnAction(e -> openImportDialog(null));
        importButton.disableProperty().bind(model.importing);

        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.setPrefWidth(240);
        progress.progressProperty().bind(model.importProgress);
        Label message = new Label();
        message.textProperty().bind(model.importMessage);
        Button cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("cancelImport");
        cancel.setOnAction(e -> model.cancelImport());
        HBox running = new HBox(8, progress, message, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.importing);
        running.managedProperty().bind(model.importing);

        Label status = new Label();
        status.setId("dataStatus");
        status.textProperty().bind(model.status);
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);

        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshButton");
        refresh.setOnAction(e -> model.refresh());
        refresh.setTooltip(new javafx.scene.control.Tooltip("Reload the datasets"));

        HBox bar = new HBox(10, importButton, running, status, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        bar.getStyleClass().add("tool-bar");
        return bar;
    }

    private Region datasetsPane() {
        table.setId("datasetsTable");
        table.setItems(model.datasets);
        table.getColumns().add(column("#", d -> d.id(), 36));
        table.getColumns().add(column("Kind", d -> d.kind().label(), 90));
        table.getColumns().add(column("File", DatasetInfo::name, 150));
        table.getColumns().add(column("Imported", d -> String.format(Locale.ROOT, "%,d", d.totals().imported()), 90));
        table.getColumns().add(column("Rejected", d -> String.format(Locale.ROOT, "%,d", d.totals().rejected()), 85));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No data yet.\nClick \"Import data…\" or drop a behaviour log on this window.");
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != model.selected.get()) {
                model.selected.set(d);
            }
        });
        model.selected.addListener((o, a, d) -> {
            if (d == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != d) {
                table.getSelectionModel().select(d);
            }
        });
        Button whole = new Button("Whole workspace");
        whole.setOnAction(e -> model.selected.set(null));
        Label title = new Label("Datasets");
        title.getStyleClass().add("title-4");
        HBox head = new HBox(10, title, new Region(), whole);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private Region summaryPane() {
        Label title = new Label();
        title.setId("summaryTitle");
        title.getStyleClass().add("title-3");
        HBox cards = new HBox(12, card("Read", "summaryRead", s -> s.read()),
                card("Imported", "summaryImported", s -> s.imported()),
                card("Duplicates", "summaryDuplicates", s -> s.duplicates()),
                card("Rejected", "summaryRejected", s -> s.rejected()));
        model.summary.addListener((o, a, s) -> title.setText(s == null ? "" : s.dataset() == null
                ? "Whole workspace" : "#" + s.dataset().id() + " " + s.dataset().name() + " (" + s.dataset().kind().label()
                + ", " + s.dataset().format() + ")"));

        TabPane tabs = new TabPane(new Tab("Funnel", funnelPane), new Tab("Events per day", activityPane),
                new Tab("Rejected lines", rejectedPane()));
        tabs.setId("summaryTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox box = new VBox(12, title, cards, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private Region card(String label, String id, Function<DatasetSummary, Long> value) {
        Label number = new Label("–");
        number.setId(id);
        number.getStyleClass().add("title-2");
        model.summary.addListener((o, a, s) -> number.setText(s == null ? "–" : String.format(Locale.ROOT, "%,d", value.apply(s))));
        Label caption = new Label(label);
        caption.getStyleClass().add("text-muted");
        VBox card = new VBox(2, number, caption);
        card.getStyleClass().add("summary-card");
        card.setPadding(new Insets(10, 16, 10, 16));
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    private Region rejectedPane() {
        TableView<RejectedRow> rejected = new TableView<>(model.rejectedRows);
        rejected.setId("rejectedTable");
        rejected.getColumns().add(rejectedColumn("Line", r -> Long.toString(r.lineNo()), 70));
        rejected.getColumns().add(rejectedColumn("Reason", RejectedRow::reason, 280));
        rejected.getColumns().add(rejectedColumn("Text", RejectedRow::rawText, 400));
        rejected.setPlaceholder(new Label("No rejected lines."));
        Label reasons = new Label();
        reasons.setWrapText(true);
        model.summary.addListener((o, a, s) -> reasons.setText(s == null || s.rejectReasons().isEmpty() ? ""
                : "By reason: " + s.rejectReasons().entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                    .reduce((x, y) -> x + " · " + y).orElse("")));
        Button more = new Button("Load more");
        more.visibleProperty().bind(model.moreRejected);
        more.setOnAction(e -> model.loadMoreRejected());
        VBox box = new VBox(8, reasons, rejected, more);
        VBox.setVgrow(rejected, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void showCharts(DatasetSummary s) {
        if (s == null || s.funnel().isEmpty() || s.perDay().isEmpty()) {
            String why = s != null && s.dataset() != null ? "A " + s.dataset().kind().label() + " file has no behaviour events."
                    : "No behaviour events yet.";
            funnelPane.getChildren().setAll(new Label(why));
            activityPane.getChildren().setAll(new Label(why));
            return;
        }
        funnel.setChart(FunnelChart.create("Behaviour funnel", s.funnel()));
        activity.setChart(ActivityChart.create("Events per day", s.perDay()));
        funnelPane.getChildren().setAll(funnel);
        activityPane.getChildren().setAll(activity);
    }

    /** Opens the import dialog, pre-filled with a dropped file if there is one, and starts the import. */
    public void openImportDialog(Path dropped) {
        ImportDialogViewModel dialogModel = new ImportDialogViewModel(tasks);
        if (dropped != null) {
            dialogModel.useFile(dropped);
        }
        ImportDialog dialog = new ImportDialog(getScene() == null ? null : getScene().getWindow(), dialogModel);
        Optional<ImportRequest> request = dialog.showAndWait();
        request.ifPresent(model::startImport);
    }

    private static TableColumn<DatasetInfo, Object> column(String name, Function<DatasetInfo, Object> value, double width) {
        TableColumn<DatasetInfo, Object> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        return c;
    }

    private static TableColumn<RejectedRow, String> rejectedColumn(String name, Function<RejectedRow, String> value, double width) {
        TableColumn<RejectedRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
