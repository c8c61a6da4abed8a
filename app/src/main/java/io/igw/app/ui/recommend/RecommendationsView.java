package io.igw.app.ui.recommend;

import io.igw.app.ui.kit.ChartViewers;
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
 * graph) sits beside each model's top 10, every item with the reasons that produced it.
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
        setCenter(body);
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
        TableView<RecommendationsViewModel.Row> table = new TableView<>(rows);
        table.setId(id);
        table.setPlaceholder(new Label("Pick a user and press Show."));
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
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(chosen.map(c -> "Top " + RecommendationsViewModel.TOP_N + " · " + c.label()).orElse("No model chosen"));
        VBox box = new VBox(6, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
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
