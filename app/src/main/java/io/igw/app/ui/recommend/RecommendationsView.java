package io.igw.app.ui.recommend;

import io.igw.app.ui.kit.ChartViewers;
import io.igw.engine.recommenders.Recommendations;
import io.igw.storage.Behaviour;
import io.igw.viz.charts.InterestChart;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import io.igw.app.ui.kit.Columns;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Recommendations screen: type a user id and pick two stored models; the user's interest profile (from the
 * graph) sits beside each model's top 10, every item with the reasons that produced it. Below, "simulate a session":
 * act on items one by one and watch the left model's next items follow.
 */
public final class RecommendationsView extends BorderPane {
    private final RecommendationsViewModel model;
    private final ChartViewer profile = ChartViewers.create();

    public RecommendationsView(RecommendationsViewModel model) {
        this.model = model;
        setId("recommendationsView");
        setTop(toolbar());
        profile.setId("profileChart");
        model.profile.addListener((o, a, b) -> drawProfile());
        drawProfile();
        VBox profileBox = titled("Interest profile", profile);
        SplitPane body = new SplitPane(profileBox, list(model.left, model.leftRows, "leftRecommendations"),
                list(model.right, model.rightRows, "rightRecommendations"));
        body.setDividerPositions(0.3, 0.65);
        SplitPane screen = new SplitPane(body, simulator());
        screen.setOrientation(javafx.geometry.Orientation.VERTICAL);
        screen.setDividerPositions(0.55);
        setCenter(screen);
    }

    /**
     * "Simulate a session": find an item (id or title) and add it with a behaviour, or double-click one of the
     * suggestions to act on it; the session reads left to right and the next-item list follows it.
     */
    private Region simulator() {
        SimulatedSession session = model.session;
        ComboBox<Behaviour> behaviour = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Behaviour.VIEW, Behaviour.FAV, Behaviour.CART, Behaviour.BUY));
        behaviour.setId("sessionBehaviour");
        behaviour.valueProperty().bindBidirectional(session.behaviour);
        behaviour.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Behaviour b) {
                return b == null ? "" : b.label();
            }

            @Override
            public Behaviour fromString(String s) {
                return Behaviour.ofLabel(s).orElse(Behaviour.VIEW);
            }
        });
        TextField search = new TextField();
        search.setId("sessionSearch");
        search.setPromptText("item id or words of its title");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(session.search);
        search.setOnAction(e -> session.find());
        search.textProperty().addListener((o, a, b) -> session.find());
        javafx.scene.control.ListView<Recommendations.Found> found = new javafx.scene.control.ListView<>(session.found);
        found.setId("sessionFound");
        found.setPlaceholder(new Label("Items found show here: click one to add it."));
        found.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Recommendations.Found f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.title() + "  ·  " + f.itemId());
            }
        });
        found.setOnMouseClicked(e -> {
            Recommendations.Found f = found.getSelectionModel().getSelectedItem();
            if (f != null) {
                session.add(f.itemId(), f.title());
                found.getSelectionModel().clearSelection();
            }
        });
        Button undo = new Button("Undo");
        undo.setId("sessionUndo");
        undo.setOnAction(e -> session.undo());
        undo.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(session.actions));
        Button clear = new Button("New session");
        clear.setId("sessionClear");
        clear.setOnAction(e -> session.clear());
        Label trail = new Label();
        trail.setId("sessionTrail");
        trail.setWrapText(true);
        trail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> session.actions.isEmpty()
                ? "No actions yet." : session.actions.stream().map(SimulatedSession.Action::toString)
                .collect(java.util.stream.Collectors.joining("  →  ")), session.actions));
        Label status = new Label();
        status.setId("sessionStatus");
        status.textProperty().bind(session.status);
        status.getStyleClass().add("text-muted");
        HBox.setHgrow(search, Priority.ALWAYS);
        behaviour.setMinWidth(90);
        HBox bar = new HBox(8, label("Add"), search, label("as"), behaviour);
        bar.setAlignment(Pos.CENTER_LEFT);
        undo.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, undo, clear);
        trail.setMinHeight(Region.USE_PREF_SIZE);
        Label title = new Label("Simulate a session");
        title.getStyleClass().add("title-4");
        VBox left = new VBox(6, title, bar, trail, actions, found, status);
        VBox.setVgrow(found, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        TableView<RecommendationsViewModel.Row> next = table(session.next, "sessionRecommendations",
                "Add items to the session: the model's next items show here.");
        next.setRowFactory(t -> {
            javafx.scene.control.TableRow<RecommendationsViewModel.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    session.add(row.getItem().itemId(), row.getItem().title());
                }
            });
            return row;
        });
        Label nextTitle = new Label();
        nextTitle.getStyleClass().add("title-4");
        nextTitle.textProperty().bind(model.left.map(c -> "Next items · " + c.label() + " (double-click one to act on it)")
                .orElse("No model chosen"));
        VBox right = new VBox(6, nextTitle, next);
        VBox.setVgrow(next, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        SplitPane pane = new SplitPane(left, right);
        pane.setDividerPositions(0.45);
        return pane;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Region toolbar() {
        TextField user = new TextField();
        user.setPromptText("user id");
        user.setPrefColumnCount(10);
        user.setId("recommendUser");
        user.textProperty().bindBidirectional(model.user);
        user.setOnAction(e -> model.show());
        Button show = new Button("Show");
        show.setId("showRecommendations");
        show.getStyleClass().add("accent");
        show.setOnAction(e -> model.show());
        show.disableProperty().bind(model.busy);
        Button refresh = new Button("Refresh models");
        refresh.setOnAction(e -> model.refresh());
        Label status = new Label();
        status.setId("recommendStatus");
        status.textProperty().bind(model.status);
        status.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, new Label("User"), user, show, new Label("Compare"), chooser(model.left, "leftModel"),
                new Label("with"), chooser(model.right, "rightModel"), refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, status);
        top.setPadding(new Insets(10));
        top.getStyleClass().add("tool-bar");
        return top;
    }

    private ComboBox<RecommendationsViewModel.Choice> chooser(ObjectProperty<RecommendationsViewModel.Choice> chosen, String id) {
        ComboBox<RecommendationsViewModel.Choice> box = new ComboBox<>(model.choices);
        box.valueProperty().bindBidirectional(chosen);
        box.setId(id);
        box.setPrefWidth(190);
        return box;
    }

    private Region list(ObjectProperty<RecommendationsViewModel.Choice> chosen, ObservableList<RecommendationsViewModel.Row> rows, String id) {
        TableView<RecommendationsViewModel.Row> table = table(rows, id, "Pick a user and press Show.");
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(chosen.map(c -> "Top " + RecommendationsViewModel.TOP_N + " · " + c.label()).orElse("No model chosen"));
        VBox box = new VBox(6, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** A ranked list: each item's title in bold over its reasons, and its score. */
    private static TableView<RecommendationsViewModel.Row> table(ObservableList<RecommendationsViewModel.Row> rows, String id, String empty) {
        TableView<RecommendationsViewModel.Row> table = new TableView<>(rows);
        table.setId(id);
        table.setPlaceholder(new Label(empty));
        TableColumn<RecommendationsViewModel.Row, Object> item = Columns.of("item, and why", r -> r, 330);
        item.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    return;
                }
                RecommendationsViewModel.Row row = (RecommendationsViewModel.Row) value;
                Label title = new Label(row.title());
                title.setStyle("-fx-font-weight: bold");
                // a Text wraps to a width and reports the height that takes, so the row is as tall as its reasons
                Text because = new Text(row.because());
                because.setFill(Color.web("#57606a"));
                because.wrappingWidthProperty().bind(getTableColumn().widthProperty().subtract(16));
                setGraphic(new VBox(2, title, because));
            }
        });
        item.prefWidthProperty().bind(table.widthProperty().subtract(34 + 70 + 18));
        table.getColumns().setAll(List.of(
                Columns.of("#", RecommendationsViewModel.Row::rank, 34),
                item,
                Columns.of("score", r -> score(r.score()), 70)));
        return table;
    }

    /** Scores as their model gives them, in few digits: counts stay whole, probabilities keep four places. */
    private static String score(double s) {
        return String.format(Locale.ROOT, Math.abs(s) >= 100 ? "%.0f" : Math.abs(s) >= 1 ? "%.2f" : "%.4f", s);
    }

    private VBox titled(String text, Region content) {
        Label title = new Label(text);
        title.getStyleClass().add("title-4");
        VBox box = new VBox(6, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void drawProfile() {
        var shares = model.profile.get();
        profile.setChart(InterestChart.create(shares.isEmpty() ? "No interests (build the graph first)" : "User " + model.user.get().trim(), shares));
    }
}
