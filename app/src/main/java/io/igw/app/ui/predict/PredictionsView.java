package io.igw.app.ui.predict;

import io.igw.app.ui.kit.ChartViewers;
import io.igw.app.ui.kit.Columns;
import io.igw.app.ui.kit.StatusStrip;
import io.igw.engine.prediction.ClassifierMetrics;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.PredictionResult;
import io.igw.viz.charts.ClassifierCharts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Predictions screen: choose churn or purchase and how many days ahead; run; then the ROC and cumulative-gain
 * charts of the model beside its baseline, the lift by decile, and the users most at risk with their reasons.
 */
public final class PredictionsView extends BorderPane {
    private final PredictionsViewModel model;
    private final ClassifierCharts charts = new ClassifierCharts();

    public PredictionsView(PredictionsViewModel model) {
        this.model = model;
        setId("predictionsView");
        setTop(toolbar());
        ChartViewer roc = ChartViewers.create(charts.roc());
        roc.setId("rocChart");
        ChartViewer gain = ChartViewers.create(charts.gain());
        gain.setId("gainChart");
        SplitPane chartsRow = new SplitPane(roc, gain);
        SplitPane lower = new SplitPane(atRisk(), deciles());
        lower.setDividerPositions(0.62);
        SplitPane body = new SplitPane(chartsRow, lower);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.5);
        Label summary = new Label();
        summary.setId("predictionSummary");
        summary.textProperty().bind(model.summary);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox centre = new VBox(6, summary, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        centre.setPadding(new Insets(8));
        setCenter(centre);
        model.result.addListener((o, a, r) -> redraw(r));
    }

    /** How many ROC points the chart shows. */
    public int rocPoints() {
        return charts.rocPoints();
    }

    private Region toolbar() {
        ChoiceBox<Outcome> outcome = new ChoiceBox<>();
        outcome.getItems().setAll(model.outcomes);
        outcome.valueProperty().bindBidirectional(model.outcome);
        outcome.setId("outcomeChoice");
        outcome.setConverter(new StringConverter<>() {
            @Override
            public String toString(Outcome o) {
                return o == null ? "" : o.label();
            }

            @Override
            public Outcome fromString(String s) {
                return Outcome.parse(s);
            }
        });
        Spinner<Integer> days = new Spinner<>(1, 365, model.horizonDays.get());
        days.setEditable(true);
        days.setPrefWidth(80);
        days.setId("horizonSpinner");
        days.valueProperty().addListener((o, a, b) -> model.horizonDays.set(b));
        Spinner<Integer> seed = new Spinner<>(0, 1_000_000, model.seed.get());
        seed.setEditable(true);
        seed.setPrefWidth(90);
        seed.valueProperty().addListener((o, a, b) -> model.seed.set(b));
        javafx.scene.control.CheckBox perCategory = new javafx.scene.control.CheckBox("per category");
        perCategory.setId("perCategory");
        perCategory.selectedProperty().bindBidirectional(model.byCategory);
        Button run = new Button("Predict");
        run.setId("runPrediction");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.work.running);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.work.cancel());
        cancel.disableProperty().bind(model.work.running.not());
        HBox bar = new HBox(8, new Label("Predict"), outcome, new Label("in the next"), days, new Label("days"), perCategory,
                new Label("seed"), seed, run, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, new StatusStrip(model.work, "prediction"));
        top.setPadding(new Insets(10));
        top.getStyleClass().add("tool-bar");
        return top;
    }

    private Region atRisk() {
        return Columns.titled("Most likely now", Columns.table("atRiskTable", model.atRisk,
                "Run a prediction to see who is most likely to churn (or buy) now.",
                Columns.of("user", PredictionsViewModel.AtRiskRow::userId, 80),
                Columns.of("category", PredictionsViewModel.AtRiskRow::category, 130),
                Columns.number("probability", PredictionsViewModel.AtRiskRow::probability, "%.3f", 90),
                Columns.of("signals", PredictionsViewModel.AtRiskRow::reasons, 520)));
    }

    private Region deciles() {
        return Columns.titled("Lift by decile (test)", Columns.table("decileTable", model.deciles, "No prediction yet.",
                Columns.of("decile", ClassifierMetrics.Decile::decile, 70),
                Columns.of("users", ClassifierMetrics.Decile::users, 60),
                Columns.number("rate", ClassifierMetrics.Decile::rate, "%.3f", 70),
                Columns.number("lift", ClassifierMetrics.Decile::lift, "%.2f", 60),
                Columns.number("gain", ClassifierMetrics.Decile::cumulativeGain, "%.2f", 60)));
    }

    private void redraw(PredictionResult r) {
        if (r == null) {
            return;
        }
        charts.show("model", r.model().auc(), r.baseline().auc(), r.model().roc(), r.baseline().roc(),
                r.model().cumulativeGains(), r.baseline().cumulativeGains());
    }
}
