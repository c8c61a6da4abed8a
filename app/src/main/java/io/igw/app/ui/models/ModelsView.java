package io.igw.app.ui.models;

import io.igw.app.ui.kit.ChartViewers;
import io.igw.engine.recommenders.Training;
import io.igw.storage.models.EvaluationStore;
import io.igw.engine.recommenders.RegisteredModel;
import io.igw.viz.charts.ModelComparisonChart;
import io.igw.viz.charts.ScalingCurveChart;
import io.igw.viz.charts.TrainingCurveChart;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import io.igw.app.ui.kit.Columns;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Models screen: pick a model, its epochs and seed; train it (progress bar, live loss and validation NDCG
 * chart, cancel) or evaluate it under the standard protocol; compare the stored evaluations of one protocol in a
 * table and a bar chart; draw the sequence model's scaling curve (NDCG@10 by size); and see the models stored in the
 * registry.
 */
public final class ModelsView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ModelsViewModel model;
    private final TrainingCurveChart curve = new TrainingCurveChart();
    private final ChartViewer comparisonChart = ChartViewers.create();

    public ModelsView(ModelsViewModel model) {
        this.model = model;
        setId("modelsView");
        setTop(toolbar());
        ChartViewer curveViewer = ChartViewers.create(curve.chart());
        curveViewer.setId("trainingCurve");
        curveViewer.setMinHeight(180);
        model.curve.addListener((ListChangeListener<Training.Epoch>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    curve.clear();
                    model.curve.forEach(e -> curve.add(e.epoch(), e.loss(), e.validationNdcg()));
                    return;
                }
                for (Training.Epoch e : change.getAddedSubList()) {
                    curve.add(e.epoch(), e.loss(), e.validationNdcg());
                }
            }
        });
        model.curveOf.addListener((o, a, b) -> curve.title("Training curve · " + b));
        curve.title("Training curve · " + model.curveOf.get());
        model.curve.forEach(e -> curve.add(e.epoch(), e.loss(), e.validationNdcg()));
        ChartViewer scalingViewer = ChartViewers.create(ScalingCurveChart.create("Scaling curve: press Scaling curve to measure it", List.of()));
        scalingViewer.setId("scalingCurve");
        javafx.scene.control.Tab training = new javafx.scene.control.Tab("Training curve", curveViewer);
        javafx.scene.control.Tab scaling = new javafx.scene.control.Tab("Scaling curve", scalingViewer);
        javafx.scene.control.TabPane charts = new javafx.scene.control.TabPane(training, scaling);
        charts.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("modelCharts");
        model.scaling.addListener((ListChangeListener<io.igw.engine.bench.ScaleBenchmark.Point>) c -> {
            scalingViewer.setChart(ScalingCurveChart.create("Sequence model by size · leave-last, full ranking",
                    model.scaling.stream().map(p -> new ScalingCurveChart.Point(p.size(), p.parameters(), p.ndcg10(),
                            p.secondsPerEpoch())).toList()));
            charts.getSelectionModel().select(scaling);
        });
        SplitPane upper = new SplitPane(charts, registry());
        upper.setDividerPositions(0.6);
        SplitPane body = new SplitPane(upper, comparison());
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.42);
        setCenter(body);
        model.comparison.addListener((ListChangeListener<EvaluationStore.Stored>) c -> redrawComparison());
        redrawComparison();
    }

    /** How many epochs the training chart shows. */
    public int curvePoints() {
        return curve.epochs();
    }

    private Region toolbar() {
        ChoiceBox<String> models = new ChoiceBox<>();
        models.getItems().setAll(model.models);
        models.valueProperty().bindBidirectional(model.model);
        models.setId("modelChoice");
        Spinner<Integer> epochs = new Spinner<>(0, 1000, model.epochs.get(), 5);
        epochs.setEditable(true);
        epochs.setPrefWidth(90);
        epochs.setId("epochsSpinner");
        epochs.valueProperty().addListener((o, a, b) -> model.epochs.set(b));
        Spinner<Integer> seed = new Spinner<>(0, 1_000_000, model.seed.get());
        seed.setEditable(true);
        seed.setPrefWidth(90);
        seed.valueProperty().addListener((o, a, b) -> model.seed.set(b));
        Button train = new Button("Train");
        train.setId("trainButton");
        train.getStyleClass().add("accent");
        train.setOnAction(e -> model.train());
        train.disableProperty().bind(model.running);
        Button evaluate = new Button("Evaluate");
        evaluate.setTooltip(new javafx.scene.control.Tooltip("Random 80/20 split per user, full ranking, K = 20, seeds 1, 2 and 3"));
        evaluate.setId("evaluateButton");
        evaluate.setOnAction(e -> model.evaluate());
        evaluate.disableProperty().bind(model.running);
        Button scale = new Button("Scaling curve");
        scale.setTooltip(new javafx.scene.control.Tooltip("Trains the sequence model small, base and large on a leave-last-one-out "
                + "split (at most Max epochs each) and draws NDCG@10 against parameters"));
        scale.setId("scaleButton");
        scale.setOnAction(e -> model.scale());
        scale.disableProperty().bind(model.running);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTraining");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.running.not());
        ProgressBar progress = new ProgressBar();
        progress.setId("trainingProgress");
        progress.setPrefWidth(160);
        progress.setMinWidth(160);
        progress.progressProperty().bind(model.progress);
        progress.visibleProperty().bind(model.running);
        Label status = new Label();
        status.setId("modelsStatus");
        status.textProperty().bind(model.status);
        status.getStyleClass().add("text-muted");
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        epochs.setTooltip(new javafx.scene.control.Tooltip("The most epochs for an iterative model; 0 keeps the model's own."));
        HBox bar = new HBox(8, fixed(new Label("Model")), models, fixed(new Label("Max epochs")), epochs, fixed(new Label("Seed")),
                seed, fixed(train), fixed(evaluate), fixed(scale), fixed(cancel));
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox running = new HBox(8, progress, status);
        running.setAlignment(Pos.CENTER_LEFT);
        running.setMinHeight(22);
        VBox top = new VBox(6, bar, running);
        top.setPadding(new Insets(10));
        top.getStyleClass().add("tool-bar");
        return top;
    }

    private static <T extends Region> T fixed(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    private Region registry() {
        TableView<RegisteredModel> table = new TableView<>(model.registry);
        table.setId("registryTable");
        table.setPlaceholder(new Label("No model stored yet: train one."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.showCurveOf(b));
        table.getColumns().setAll(List.of(
                Columns.of("#", m -> m.id(), 40),
                Columns.of("model", RegisteredModel::model, 90),
                Columns.of("trained", m -> WHEN.format(m.trainedAt()), 120),
                Columns.of("epochs", m -> m.epochs() == 0 ? "closed form" : String.valueOf(m.epochs()), 80),
                Columns.of("validation", m -> m.metrics().replaceAll("[{}\"]", "").replace(",", "  "), 420)));
        Label title = new Label("Stored models");
        title.getStyleClass().add("title-4");
        VBox box = new VBox(6, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Region comparison() {
        ChoiceBox<String> protocols = new ChoiceBox<>(model.protocols);
        protocols.valueProperty().bindBidirectional(model.protocol);
        protocols.setId("protocolChoice");
        TableView<EvaluationStore.Stored> table = new TableView<>(model.comparison);
        table.setId("comparisonTable");
        table.setPlaceholder(new Label("No evaluation stored yet: train or evaluate a model."));
        table.getColumns().setAll(List.of(
                Columns.of("model", EvaluationStore.Stored::model, 90),
                figure("recall"), figure("ndcg"), figure("precision"), figure("hr"), figure("mrr"), figure("coverage"),
                Columns.of("train s", s -> String.format(Locale.ROOT, "%.1f", s.trainSeconds()), 70),
                Columns.of("when", s -> WHEN.format(s.at()), 120),
                Columns.of("parameters", EvaluationStore.Stored::parameters, 300)));
        Label title = new Label("Comparison");
        title.getStyleClass().add("title-4");
        HBox head = new HBox(8, title, new Label("protocol"), protocols);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, head, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        comparisonChart.setId("comparisonChart");
        SplitPane split = new SplitPane(left, comparisonChart);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(split);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableColumn<EvaluationStore.Stored, Object> figure(String metric) {
        return Columns.of(metric + "@K", s -> s.mean().entrySet().stream().filter(e -> e.getKey().startsWith(metric + "@"))
                .map(e -> String.format(Locale.ROOT, "%.4f", e.getValue())).findFirst().orElse("–"), 82);
    }

    private void redrawComparison() {
        var figures = model.newestPerModel();
        int k = model.comparison.isEmpty() ? 20 : model.comparison.get(0).k();
        comparisonChart.setChart(ModelComparisonChart.create(figures.isEmpty() ? "No evaluations yet" : "Newest result per model",
                figures, List.of("recall@" + k, "ndcg@" + k)));
    }
}
