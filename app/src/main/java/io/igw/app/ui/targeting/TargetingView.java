package io.igw.app.ui.targeting;

import io.igw.app.ui.kit.ChartViewers;
import io.igw.app.ui.kit.Columns;
import io.igw.app.ui.kit.StatusStrip;
import io.igw.engine.targeting.AudienceCsv;
import io.igw.engine.targeting.Overlap;
import io.igw.viz.charts.ReachCurveChart;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Targeting screen, the campaign builder: on the left, who to target (interests picked by name or typed,
 * exclusions, behaviour rules, demographics, top N or a score threshold, lookalikes); on the right, the audience's
 * size and expected lift, its reach curve, its members with their reasons, and the overlap of kept audiences.
 * Export writes the audience (and lookalikes) as CSV only when asked.
 */
public final class TargetingView extends BorderPane {
    private final TargetingViewModel model;
    private final ReachCurveChart reach = new ReachCurveChart();
    private final GridPane overlap = new GridPane();

    public TargetingView(TargetingViewModel model) {
        this.model = model;
        setId("targetingView");
        ChartViewer reachViewer = ChartViewers.create(reach.chart());
        reachViewer.setId("reachChart");
        reachViewer.setMinHeight(200);
        model.reach.addListener((ListChangeListener<double[]>) c -> redrawReach());
        model.threshold.addListener((o, a, b) -> redrawReach());
        model.bySize.addListener((o, a, b) -> redrawReach());
        model.cutScore.addListener((o, a, b) -> redrawReach());
        Label summary = new Label();
        summary.setId("audienceSummary");
        summary.textProperty().bind(model.summary);
        summary.getStyleClass().add("title-4");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label lift = new Label();
        lift.setId("expectedLift");
        lift.textProperty().bind(model.lift);
        lift.setWrapText(true);
        lift.setMinHeight(Region.USE_PREF_SIZE);
        Tab creativesTab = new Tab("Creatives", creatives());
        creativesTab.setId("creativesTab");
        TabPane tabs = new TabPane(new Tab("Audience", members()), creativesTab, new Tab("Overlap", overlapPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane right = new SplitPane(reachViewer, tabs);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.42);
        VBox results = new VBox(6, summary, lift, right);
        VBox.setVgrow(right, Priority.ALWAYS);
        results.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(campaign());
        scroll.setFitToWidth(true);
        VBox form = new VBox(scroll, actions());
        VBox.setVgrow(scroll, Priority.ALWAYS);
        form.setMinWidth(330);
        form.setPrefWidth(350);
        SplitPane body = new SplitPane(form, results);
        body.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(form, false);
        setCenter(body);
        StatusStrip strip = new StatusStrip(model.work, "targeting");
        strip.setPadding(new Insets(6, 10, 6, 10));
        strip.getStyleClass().add("tool-bar");
        setBottom(strip);
        model.kept.addListener((ListChangeListener<TargetingViewModel.Kept>) c -> redrawOverlap());
        redrawOverlap();
    }

    /** How many points the reach curve shows. */
    public int reachPoints() {
        return reach.points();
    }

    private Region campaign() {
        ComboBox<TargetingViewModel.Choice> pick = new ComboBox<>(model.choices);
        pick.setId("interestChoice");
        pick.setPromptText("Pick a category or brand…");
        pick.setMaxWidth(Double.MAX_VALUE);
        pick.setVisibleRowCount(14);
        pick.setOnAction(e -> {
            model.add(pick.getValue());
            javafx.application.Platform.runLater(() -> pick.getSelectionModel().clearSelection());
        });
        TextField targets = field(model.targets, "targets", "category:301, brand:Acme, tag:wine, item:17");
        TextField exclude = field(model.exclude, "exclude", "leave out users interested in these");
        TextField did = field(model.did, "didRule", "buy:30 — did this in the last N days");
        TextField didNot = field(model.didNot, "didNotRule", "view:7 — did not do this in the last N days");
        TextField age = field(model.age, "ageRange", "25-34, 40- or -24");
        TextField gender = field(model.gender, "gender", "F, M");
        TextField city = field(model.city, "city", "Beijing, Shanghai");

        ToggleGroup keep = new ToggleGroup();
        RadioButton byThreshold = new RadioButton("Everyone scoring at least");
        byThreshold.setToggleGroup(keep);
        RadioButton bySize = new RadioButton("The top");
        bySize.setToggleGroup(keep);
        bySize.setId("bySize");
        (model.bySize.get() ? bySize : byThreshold).setSelected(true);
        bySize.selectedProperty().addListener((o, a, b) -> model.bySize.set(b));
        Slider threshold = new Slider(0, 1, model.threshold.get());
        threshold.setId("thresholdSlider");
        threshold.setShowTickLabels(true);
        threshold.setMajorTickUnit(0.25);
        threshold.valueProperty().bindBidirectional(model.threshold);
        threshold.disableProperty().bind(model.bySize);
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(model.threshold.asString(Locale.ROOT, "%.2f"));
        threshold.valueChangingProperty().addListener((o, was, now) -> {
            if (!now && model.hasAudience()) {
                model.build();
            }
        });
        Spinner<Integer> size = new Spinner<>(1, 10_000_000, model.size.get(), 100);
        size.setEditable(true);
        size.setId("sizeSpinner");
        size.valueProperty().addListener((o, a, b) -> model.size.set(b));
        size.disableProperty().bind(model.bySize.not());
        Slider lookalike = new Slider(0, 10, model.lookalikePercent.get());
        lookalike.setId("lookalikeSlider");
        lookalike.setMajorTickUnit(1);
        lookalike.setMinorTickCount(0);
        lookalike.setSnapToTicks(true);
        lookalike.setShowTickLabels(true);
        lookalike.valueProperty().bindBidirectional(model.lookalikePercent);
        Label lookalikeValue = new Label();
        lookalikeValue.textProperty().bind(model.lookalikePercent.asString(Locale.ROOT, "%.0f%% of all users"));
        lookalike.setTooltip(new Tooltip("Add the users most like the audience (0: none; 1–10% of all users)"));
        Slider propensity = new Slider(0, 1, model.propensityWeight.get());
        propensity.setId("propensityWeightSlider");
        propensity.setMajorTickUnit(0.25);
        propensity.setShowTickLabels(true);
        propensity.valueProperty().bindBidirectional(model.propensityWeight);
        Label propensityValue = new Label();
        propensityValue.textProperty().bind(model.propensityWeight.multiply(100).asString(Locale.ROOT,
                "Purchase propensity: %.0f%% of the score"));
        propensity.setTooltip(new Tooltip("Once purchases have been predicted, how much of each user's score is their "
                + "propensity to buy (0: interest alone; 1: propensity alone)"));

        VBox box = new VBox(6,
                heading("Describe the audience"), describe(),
                heading("Interests"), pick, targets, small("Exclude"), exclude,
                heading("Behaviour"), small("Did, in the last N days"), did, small("Did not, in the last N days"), didNot,
                heading("Demographics"), row("Age", age), row("Gender", gender), row("City", city),
                heading("Audience"), new HBox(6, byThreshold, thresholdValue), threshold, new HBox(6, bySize, size),
                propensityValue, propensity,
                heading("Lookalikes"), lookalikeValue, lookalike);
        box.setPadding(new Insets(10));
        return box;
    }

    /**
     * Who the audience is, in words: the text model proposes the closest categories, tags and brands with their
     * similarity; the ticked ones are in the targets, and ticking edits them.
     */
    private Region describe() {
        TextField text = field(model.description, "describeAudience", "young parents buying organic baby food");
        Button propose = new Button("Propose", new FontIcon(Feather.SEARCH));
        propose.setId("proposeTargets");
        propose.setTooltip(new Tooltip("Find the categories, tags and brands that mean what the description says"));
        propose.disableProperty().bind(model.work.running.or(model.description.isEmpty()));
        propose.setOnAction(e -> model.describe());
        text.setOnAction(e -> model.describe());
        HBox.setHgrow(text, Priority.ALWAYS);
        javafx.scene.control.ListView<TargetingViewModel.Proposal> list = new javafx.scene.control.ListView<>(model.proposals);
        list.setId("proposals");
        list.setCellFactory(javafx.scene.control.cell.CheckBoxListCell.forListView(TargetingViewModel.Proposal::used));
        list.setPrefHeight(150);
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.proposals));
        list.managedProperty().bind(list.visibleProperty());
        return new VBox(6, new HBox(6, text, propose), list);
    }

    /** Build, keep and export: always in sight below the form. */
    private Region actions() {
        Button build = new Button("Build audience", new FontIcon(Feather.PLAY));
        build.setId("buildAudience");
        build.getStyleClass().add("accent");
        build.setMaxWidth(Double.MAX_VALUE);
        build.setOnAction(e -> model.build());
        build.disableProperty().bind(model.ready.not().or(model.work.running));
        Button keepIt = new Button("Keep", new FontIcon(Feather.LAYERS));
        keepIt.setTooltip(new Tooltip("Keep this audience to compare its overlap with others (up to " + Overlap.MAX_AUDIENCES + ")"));
        keepIt.setId("keepAudience");
        keepIt.setOnAction(e -> model.keep());
        keepIt.disableProperty().bind(model.audienceSize.lessThan(0));
        Button export = new Button("Export CSV…", new FontIcon(Feather.DOWNLOAD));
        export.setTooltip(new Tooltip("Write the audience and its lookalikes as user_id,score,reason"));
        export.setId("exportAudience");
        export.setOnAction(e -> export());
        export.disableProperty().bind(model.audienceSize.lessThan(0));
        CheckBox hash = new CheckBox("Hash user ids (SHA-256)");
        hash.setTooltip(new Tooltip("Normalise and hash the ids, as ad platforms match them; untick for plain ids"));
        hash.selectedProperty().bindBidirectional(model.hashIds);
        Spinner<Integer> smallest = new Spinner<>(1, 1_000_000, model.smallestExport.get(), 50);
        smallest.setId("smallestExport");
        smallest.setEditable(true);
        smallest.setPrefWidth(110);
        smallest.setTooltip(new Tooltip("Audiences with fewer people are not exported, so that no one can be singled out "
                + "(ad platforms commonly require " + AudienceCsv.DEFAULT_MINIMUM_SIZE + ")"));
        smallest.valueProperty().addListener((o, was, now) -> model.smallestExport.set(now));
        model.smallestExport.addListener((o, was, now) -> smallest.getValueFactory().setValue(now.intValue()));
        Label smallestLabel = new Label("Smallest export");
        smallestLabel.setLabelFor(smallest);
        HBox minimum = new HBox(6, smallestLabel, smallest);
        minimum.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox box = new VBox(6, build, new HBox(6, keepIt, export), hash, minimum);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("tool-bar");
        return box;
    }

    private static TextField field(javafx.beans.property.StringProperty value, String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        return l;
    }

    private static HBox row(String label, TextField field) {
        Label l = new Label(label);
        l.setMinWidth(60);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox h = new HBox(6, l, field);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Region members() {
        return Columns.table("audienceTable", model.members, "Build an audience to see who is in it and why.",
                Columns.of("user", TargetingViewModel.Row::userId, 80),
                Columns.number("score", TargetingViewModel.Row::score, "%.3f", 70),
                Columns.of("", r -> r.lookalike() ? "lookalike" : "", 80),
                Columns.of("why", TargetingViewModel.Row::reason, 560));
    }

    /** The Creatives tab: write them for the audience shown, see what it is into, and the creatives best first. */
    private Region creatives() {
        Button write = new Button("Write creatives", new FontIcon(Feather.EDIT_3));
        write.setId("writeCreatives");
        write.setTooltip(new Tooltip("Headlines and copy for this audience's best-suited items, ranked by its own click model"
                + " (the first time, the title generator is trained: minutes)"));
        write.setOnAction(e -> model.writeCreatives());
        write.disableProperty().bind(model.audienceSize.lessThan(1).or(model.creativeWork.running));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.creativeWork.cancel());
        cancel.visibleProperty().bind(model.creativeWork.running);
        javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar();
        progress.progressProperty().bind(model.creativeWork.progress);
        progress.visibleProperty().bind(model.creativeWork.running);
        progress.setPrefWidth(160);
        Label status = new Label();
        status.setId("creativesStatus");
        status.textProperty().bind(model.creativeWork.status);
        status.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, write, cancel, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("creativesSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.creativesSummary);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        javafx.scene.control.TableView<io.igw.engine.titles.AdCreatives.Creative> table = Columns.table("creativesTable",
                model.creatives, "Build an audience, then write creatives for it. They are kept with the audience and "
                        + "exported beside it.",
                Columns.of("headline", io.igw.engine.titles.AdCreatives.Creative::headline, 300),
                Columns.of("copy", io.igw.engine.titles.AdCreatives.Creative::copy, 280),
                Columns.number("carts/view", c -> 100 * c.predictedConversion(), "%.1f%%", 80),
                Columns.number("uplift", c -> 100 * c.predictedUplift(), "%+.1f%%", 70),
                Columns.number("reads real", io.igw.engine.titles.AdCreatives.Creative::fluency, "%.2f", 75),
                Columns.of("item", io.igw.engine.titles.AdCreatives.Creative::itemTitle, 240));
        VBox box = new VBox(8, bar, summary, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Region overlapPane() {
        overlap.setId("overlapMatrix");
        overlap.setHgap(14);
        overlap.setVgap(8);
        overlap.setPadding(new Insets(10));
        Button clear = new Button("Clear kept audiences");
        clear.setOnAction(e -> model.kept.clear());
        Label help = new Label("Keep up to " + Overlap.MAX_AUDIENCES + " audiences to compare them: each cell is "
                + "the users in both, then their share of the row's audience and the Jaccard index.");
        help.setWrapText(true);
        help.setMaxWidth(620);
        VBox box = new VBox(8, help, overlap, clear);
        box.setPadding(new Insets(8));
        return new ScrollPane(box);
    }

    private void redrawOverlap() {
        overlap.getChildren().clear();
        List<TargetingViewModel.Kept> kept = model.kept;
        if (kept.isEmpty()) {
            overlap.add(new Label("No audience kept yet."), 0, 0);
            return;
        }
        List<Overlap.Pair> pairs = model.overlap();
        for (int i = 0; i < kept.size(); i++) {
            Label row = new Label((i + 1) + ". " + kept.get(i).name());
            row.setWrapText(true);
            row.setMaxWidth(260);
            overlap.add(row, 0, i + 1);
            overlap.add(new Label(String.valueOf(i + 1)), i + 1, 0);
            for (int j = 0; j < kept.size(); j++) {
                String text;
                if (i == j) {
                    text = String.format(Locale.ROOT, "%,d", kept.get(i).members().size());
                } else {
                    int a = Math.min(i, j);
                    int b = Math.max(i, j);
                    Overlap.Pair p = pairs.stream().filter(x -> x.a() == a && x.b() == b).findFirst().orElseThrow();
                    text = String.format(Locale.ROOT, "%,d · %.0f%% · J %.2f", p.both(), 100 * (i == a ? p.shareOfA() : p.shareOfB()),
                            p.jaccard());
                }
                overlap.add(new Label(text), j + 1, i + 1);
            }
        }
    }

    private void redrawReach() {
        reach.show(model.reach);
        if (model.reach.isEmpty()) {
            return;
        }
        if (model.bySize.get()) {
            reach.mark(model.cutScore.get(), model.audienceSize.get());
            return;
        }
        double t = model.threshold.get();
        double[] at = model.reach.stream().filter(p -> p[0] >= t - 1e-9).findFirst().orElse(model.reach.get(model.reach.size() - 1));
        reach.mark(t, (int) at[1]);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audience as CSV");
        chooser.setInitialFileName("audience.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        model.export(file.toPath());
    }
}
