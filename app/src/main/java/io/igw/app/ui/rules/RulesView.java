package io.igw.app.ui.rules;

import io.igw.app.ui.kit.Columns;
import io.igw.app.ui.kit.StatusStrip;
import io.igw.engine.rules.Baskets;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Rules screen: FP-Growth's minimum support and confidence, the longest rule, items or categories; then a
 * sortable table of rules (strongest lift first) that a filter narrows to what mentions an item or category.
 */
public final class RulesView extends BorderPane {
    private final RulesViewModel model;

    public RulesView(RulesViewModel model) {
        this.model = model;
        setId("rulesView");
        setTop(toolbar());
        setCenter(table());
    }

    private Region toolbar() {
        Spinner<Double> support = new Spinner<>(0.00001, 1, model.minSupport.get(), 0.0005);
        support.setEditable(true);
        support.setPrefWidth(100);
        support.setId("minSupport");
        support.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.valueOf(s.trim());
                } catch (NumberFormatException e) {
                    return model.minSupport.get();
                }
            }
        });
        support.valueProperty().addListener((o, a, b) -> model.minSupport.set(b));
        Spinner<Double> confidence = new Spinner<>(0, 1, model.minConfidence.get(), 0.05);
        confidence.setEditable(true);
        confidence.setPrefWidth(90);
        confidence.valueProperty().addListener((o, a, b) -> model.minConfidence.set(b));
        Spinner<Integer> length = new Spinner<>(2, 6, model.maxLength.get());
        length.setPrefWidth(70);
        length.valueProperty().addListener((o, a, b) -> model.maxLength.set(b));
        ChoiceBox<Baskets.Level> level = new ChoiceBox<>();
        level.getItems().setAll(Baskets.Level.values());
        level.valueProperty().bindBidirectional(model.level);
        level.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Baskets.Level l) {
                return l == null ? "" : l == Baskets.Level.ITEM ? "items" : "categories";
            }

            @Override
            public Baskets.Level fromString(String s) {
                return s.startsWith("c") ? Baskets.Level.CATEGORY : Baskets.Level.ITEM;
            }
        });
        Button mine = new Button("Mine rules");
        mine.setId("mineRules");
        mine.getStyleClass().add("accent");
        mine.setOnAction(e -> model.mine());
        mine.disableProperty().bind(model.work.running);
        TextField filter = new TextField();
        filter.setId("rulesFilter");
        filter.setPromptText("Filter: an item or category name or id");
        filter.textProperty().bindBidirectional(model.filter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Rules between"), level, new Label("min support"), support, new Label("min confidence"),
                confidence, new Label("max length"), length, mine);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox search = new HBox(8, new FontIcon(Feather.SEARCH), filter);
        search.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.textProperty().bind(model.summary);
        summary.setId("rulesSummary");
        VBox top = new VBox(6, bar, new StatusStrip(model.work, "rules"), summary, search);
        top.setPadding(new Insets(10));
        top.getStyleClass().add("tool-bar");
        return top;
    }

    private Region table() {
        TableView<RulesViewModel.Row> table = Columns.table("rulesTable", model.rules,
                "Mine rules to see which products are bought together.",
                Columns.of("if bought", RulesViewModel.Row::antecedent, 380),
                Columns.of("then also", RulesViewModel.Row::consequent, 300),
                Columns.number("support", RulesViewModel.Row::support, "%.4f", 80),
                Columns.number("confidence", RulesViewModel.Row::confidence, "%.3f", 90),
                Columns.number("lift", RulesViewModel.Row::lift, "%.1f", 80));
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }
}
