package io.igw.app.ui.graph;

import io.igw.app.ui.kit.ChartViewers;
import io.igw.engine.explore.Subgraph;
import io.igw.engine.titles.TitleSuggester;
import io.igw.viz.charts.InterestChart;
import io.igw.viz.graph.GraphCanvas;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Graph Explorer: a search bar with depth, weight threshold, kind filters, size and colour choices, a layout
 * freeze and PNG export; the graph itself (GraphStream's viewer in its own pane, positions from the engine); and a
 * side panel with the clicked node's details, its interests as bars and their evidence. Double-click re-centres.
 */
public final class GraphView extends BorderPane {
    private final GraphViewModel model;
    private final GraphCanvas canvas = new GraphCanvas();
    private final VBox side = new VBox(10);

    public GraphView(GraphViewModel model) {
        this.model = model;
        setId("graphView");
        setTop(toolbar());
        Label status = new Label();
        status.setId("graphStatus");
        status.textProperty().bind(model.status);
        status.getStyleClass().add("text-muted");
        StackPane stage = new StackPane(canvas, emptyState());
        canvas.setId("graphCanvas");
        BorderPane centre = new BorderPane(stage);
        centre.setBottom(status);
        BorderPane.setMargin(status, new Insets(4, 10, 6, 10));
        setCenter(centre);
        side.setPadding(new Insets(10));
        side.setPrefWidth(330);
        side.setId("graphSidePanel");
        setRight(side);
        showDetails(null);

        canvas.onSelect(key -> {
            canvas.highlight(key);
            model.select(key);
        });
        canvas.onOpen(model::centreOn);
        model.visible.addListener((o, a, graph) -> show(graph));
        model.sizeByDegree.addListener((o, a, b) -> restyle());
        model.colourByCommunity.addListener((o, a, b) -> restyle());
        model.positions.addListener((o, a, p) -> canvas.place(p));
        model.selected.addListener((o, a, details) -> showDetails(details));
        model.refresh();
    }

    private void restyle() {
        canvas.restyle(model.sizeByDegree.get(), model.colourByCommunity.get());
    }

    private void show(Subgraph graph) {
        canvas.show(graph, model.sizeByDegree.get(), model.colourByCommunity.get());
        canvas.place(model.positions.get());
    }

    private Region toolbar() {
        TextField search = new TextField();
        search.setId("graphSearch");
        search.setPromptText("user id, item id, category, tag or brand — or say what you mean");
        search.setPrefColumnCount(16);
        search.setMinWidth(140);
        search.textProperty().bindBidirectional(model.query);
        search.setOnAction(e -> model.search());
        Button go = new Button("Show", new FontIcon(Feather.SEARCH));
        go.setId("graphShow");
        go.setOnAction(e -> model.search());
        go.disableProperty().bind(model.busy);

        ChoiceBox<Integer> depth = new ChoiceBox<>();
        depth.getItems().setAll(1, 2);
        depth.setValue(model.depth.get());
        depth.valueProperty().addListener((o, a, b) -> {
            model.depth.set(b);
            if (!model.visible.get().isEmpty()) {
                model.search();
            }
        });
        depth.setId("graphDepth");

        Slider threshold = new Slider(0, 0.5, 0);
        threshold.setId("graphThreshold");
        threshold.setPrefWidth(140);
        // the subgraph is cut again (and redrawn, and laid out) when the thumb is let go, not at every pixel of a drag
        threshold.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                model.threshold.set(threshold.getValue());
            }
        });
        threshold.valueProperty().addListener((o, a, b) -> {
            if (!threshold.isValueChanging()) {
                model.threshold.set(b.doubleValue());
            }
        });
        model.threshold.addListener((o, a, b) -> threshold.setValue(b.doubleValue()));
        Label thresholdLabel = new Label();
        thresholdLabel.textProperty().bind(threshold.valueProperty().asString(Locale.ROOT, "weight ≥ %.2f"));

        HBox kinds = new HBox(8);
        for (String kind : GraphViewModel.KINDS) {
            CheckBox box = new CheckBox(kind);
            box.setMinWidth(Region.USE_PREF_SIZE);
            box.setId("graphKind-" + kind);
            box.setSelected(true);
            box.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    model.kinds.add(kind);
                } else {
                    model.kinds.remove(kind);
                }
            });
            kinds.getChildren().add(box);
        }

        ChoiceBox<String> size = new ChoiceBox<>();
        size.getItems().setAll("size: score", "size: degree");
        size.setValue("size: score");
        size.valueProperty().addListener((o, a, b) -> model.sizeByDegree.set(b.endsWith("degree")));
        ChoiceBox<String> colour = new ChoiceBox<>();
        colour.getItems().setAll("colour: kind", "colour: community");
        colour.setValue("colour: kind");
        colour.valueProperty().addListener((o, a, b) -> model.colourByCommunity.set(b.endsWith("community")));

        ToggleButton freeze = new ToggleButton("Freeze", new FontIcon(Feather.PAUSE));
        freeze.setTooltip(new javafx.scene.control.Tooltip("Stop the layout where it is"));
        freeze.setId("graphFreeze");
        freeze.selectedProperty().bindBidirectional(model.layoutFrozen);
        Button communities = new Button("Communities", new FontIcon(Feather.USERS));
        communities.setId("graphCommunities");
        communities.setOnAction(e -> model.showCommunities());
        communities.disableProperty().bind(model.hasGraph.not().or(model.busy));
        Button export = new Button("PNG", new FontIcon(Feather.DOWNLOAD));
        export.setId("graphExport");
        export.setOnAction(e -> exportPng());

        HBox first = new HBox(8, search, go, new Label("depth"), depth, new Label("  "), threshold, thresholdLabel,
                new Label("  "), freeze, communities, export);
        HBox second = new HBox(10, kinds, size, colour);
        threshold.setMinWidth(70);
        for (HBox row : java.util.List.of(first, second)) {
            row.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Labeled || n instanceof ChoiceBox)
                    .forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        }
        first.setAlignment(Pos.CENTER_LEFT);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, first, second);
        bar.setPadding(new Insets(10));
        return bar;
    }

    private Region emptyState() {
        Label text = new Label("This workspace has no interest graph yet.");
        text.getStyleClass().add("title-4");
        Button build = new Button("Build the interest graph", new FontIcon(Feather.PLAY));
        build.setId("graphBuild");
        build.setOnAction(e -> model.buildGraph());
        build.disableProperty().bind(model.busy);
        VBox box = new VBox(12, text, build);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.getStyleClass().add("graph-empty");
        box.visibleProperty().bind(model.hasGraph.not());
        return box;
    }

    private void showDetails(NodeDetails details) {
        side.getChildren().clear();
        if (details == null) {
            Label hint = new Label("Click a node to see its details; double-click to centre on it.");
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            side.getChildren().add(hint);
            return;
        }
        Label title = new Label(details.title());
        title.setId("graphDetailsTitle");
        title.setWrapText(true);
        title.getStyleClass().add("title-4");
        side.getChildren().add(title);
        details.facts().forEach(f -> {
            Label fact = new Label(f);
            fact.setWrapText(true);
            side.getChildren().add(fact);
        });
        if (!details.shares().isEmpty()) {
            ChartViewer chart = ChartViewers.create(InterestChart.create(details.chartTitle(), details.shares()));
            chart.setPrefHeight(60 + 26 * details.shares().size());
            chart.setMinHeight(140);
            side.getChildren().add(chart);
        }
        if (!details.likelyNext().isEmpty()) {
            ChartViewer next = ChartViewers.create(InterestChart.create(details.likelyNextTitle(), details.likelyNext()));
            next.setId("graphLikelyNext");
            next.setPrefHeight(60 + 26 * details.likelyNext().size());
            next.setMinHeight(140);
            side.getChildren().add(next);
        }
        if (details.key().startsWith("item:")) {
            side.getChildren().add(titleSuggestions());
        }
        if (!details.evidence().isEmpty()) {
            ListView<String> evidence = new ListView<>();
            evidence.setId("graphEvidence");
            evidence.getItems().setAll(details.evidence());
            evidence.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    setText(empty ? null : text);
                    setWrapText(true);
                    setPrefWidth(0);  // wrap to the list's width instead of scrolling sideways
                }
            });
            VBox.setVgrow(evidence, Priority.ALWAYS);
            side.getChildren().addAll(new Label("Evidence"), evidence);
        }
    }

    /**
     * "Suggest titles" for the selected item: the button (a cancel beside it while the generator works), its
     * progress and status, and the suggestions, each with its predicted uplift, fluency and changed words.
     */
    private Region titleSuggestions() {
        Button suggest = new Button("Suggest titles", new FontIcon(Feather.EDIT_3));
        suggest.setId("graphSuggestTitles");
        suggest.setOnAction(e -> model.suggestTitles());
        suggest.disableProperty().bind(model.titles.running);
        Button cancel = new Button("Cancel");
        cancel.setId("graphSuggestTitlesCancel");
        cancel.setOnAction(e -> model.titles.cancel());
        cancel.visibleProperty().bind(model.titles.running);
        cancel.managedProperty().bind(model.titles.running);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.titles.progress);
        progress.visibleProperty().bind(model.titles.running);
        progress.managedProperty().bind(model.titles.running);
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("graphTitleStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.titles.status);
        ListView<TitleSuggester.Candidate> list = new ListView<>(model.titleSuggestions);
        list.setId("graphTitleSuggestions");
        list.setPrefHeight(170);
        list.setMinHeight(150);
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            private final Label title = new Label();
            private final Label figures = new Label();
            private final VBox box = new VBox(2, title, figures);

            {
                title.setWrapText(true);
                figures.setWrapText(true);
                title.setMinHeight(Region.USE_PREF_SIZE);
                figures.setMinHeight(Region.USE_PREF_SIZE);
                figures.getStyleClass().add("text-muted");
                title.maxWidthProperty().bind(l.widthProperty().subtract(30));
                figures.maxWidthProperty().bind(l.widthProperty().subtract(30));
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(TitleSuggester.Candidate c, boolean empty) {
                super.updateItem(c, empty);
                setText(null);
                if (empty || c == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                String[] lines = suggestionText(c).split("\\R", 2);
                title.setText(lines[0]);
                figures.setText(lines[1]);
                setAccessibleText(suggestionText(c));
                setGraphic(box);
            }
        });
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.titleSuggestions));
        list.managedProperty().bind(list.visibleProperty());
        HBox buttons = new HBox(8, suggest, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, buttons, progress, status, list);
    }

    /** "Acme waterproof trail vest  ·  +12.0% carts · reads real 0.81 · +waterproof". */
    public static String suggestionText(TitleSuggester.Candidate c) {
        String changes = c.changedWords().isEmpty() ? "" : " · " + String.join(" ", c.changedWords());
        return String.format(Locale.ROOT, "%s%n%+.1f%% carts · reads real %.2f%s", c.title(), 100 * c.predictedUplift(),
                c.fluency(), changes);
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the graph as PNG");
        chooser.setInitialFileName("interest-graph.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                canvas.exportPng(file.toPath());
                model.status.set("Saved " + file);
            } catch (IOException e) {
                model.status.set("Could not save " + file + ": " + e.getMessage());
            }
        }
    }

    /** The screen came into view: the workspace may have gained a graph since. */
    public void shown() {
        model.refresh();
    }

    public GraphViewModel model() {
        return model;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    /** Stops a running layout (from any thread). */
    public void stopLayout() {
        model.dispose();
    }

    /** Stops the layout and the viewer's timer; on the FX thread. */
    public void dispose() {
        model.dispose();
        canvas.close();
    }
}
