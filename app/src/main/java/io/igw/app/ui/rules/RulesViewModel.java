package io.igw.app.ui.rules;

import io.igw.app.ui.kit.Problems;
import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.rules.AssociationRules;
import io.igw.engine.rules.Baskets;
import io.igw.engine.rules.RuleLabels;
import io.igw.engine.rules.RuleMining;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Rules screen without its pixels: FP-Growth's thresholds and level (items or categories), mining in the
 * background, and the rules with names instead of ids, filtered by what is typed (an item's name or id shows what
 * is bought together with it). Tested without the GUI.
 */
public final class RulesViewModel {
    /** A rule as the table shows it: both sides by name, and its figures. */
    public record Row(String antecedent, String consequent, double support, double confidence, double lift, String ids) {
        boolean matches(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            return antecedent.toLowerCase(Locale.ROOT).contains(t) || consequent.toLowerCase(Locale.ROOT).contains(t)
                    || ids.contains(" " + t + " ");
        }
    }

    public final DoubleProperty minSupport = new SimpleDoubleProperty(0.001);
    public final DoubleProperty minConfidence = new SimpleDoubleProperty(0.1);
    public final IntegerProperty maxLength = new SimpleIntegerProperty(3);
    public final ObjectProperty<Baskets.Level> level = new SimpleObjectProperty<>(Baskets.Level.ITEM);
    public final StringProperty filter = new SimpleStringProperty("");

    public final ScreenWork work;
    private List<Row> all = List.of();
    /** The rules that match the filter (a table may sort them in place). */
    public final ObservableList<Row> rules = FXCollections.observableArrayList();
    public final StringProperty summary = new SimpleStringProperty("");

    private final Workspace workspace;

    public RulesViewModel(Workspace workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.work = new ScreenWork(tasks);
        filter.addListener((o, a, b) -> refilter());
    }

    public void mine() {
        RuleMining mining;
        try {
            mining = new RuleMining(workspace, minSupport.get(), minConfidence.get(), maxLength.get(), level.get());
        } catch (IllegalArgumentException e) {
            work.status.set(Problems.describe(e));
            return;
        }
        work.start("mine rules", ctx -> {
            RuleMining.Result r = mining.run(ctx);
            return new Object[]{r, rows(r, CatalogLookup.load(workspace))};
        }, result -> {
            RuleMining.Result r = (RuleMining.Result) result[0];
            @SuppressWarnings("unchecked")
            List<Row> rows = (List<Row>) result[1];
            all = List.copyOf(rows);
            refilter();
            summary.set(String.format(Locale.ROOT, "%,d rules from %,d baskets (%s; itemsets in at least %d baskets) in %.2f s.",
                    rows.size(), r.baskets().baskets().length, r.baskets().purchasesOnly() ? "purchases per session"
                            : "events per session", r.minCount(), r.seconds()));
            work.status.set(rows.isEmpty() ? "No rule reaches these thresholds: lower the support or confidence." : "");
        });
    }

    private static List<Row> rows(RuleMining.Result r, CatalogLookup catalog) {
        List<Row> out = new ArrayList<>();
        for (AssociationRules.Rule rule : r.rules()) {
            long[] a = r.baskets().itemIds(rule.antecedent());
            long[] c = r.baskets().itemIds(rule.consequent());
            String ids = " " + java.util.stream.LongStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(c))
                    .mapToObj(Long::toString).collect(Collectors.joining(" ")) + " ";
            out.add(new Row(RuleLabels.side(a, r.level(), catalog), RuleLabels.side(c, r.level(), catalog), rule.support(), rule.confidence(),
                    rule.lift(), ids));
        }
        return out;
    }

    private void refilter() {
        String text = filter.get() == null ? "" : filter.get().trim();
        rules.setAll(text.isEmpty() ? all : all.stream().filter(row -> row.matches(text)).toList());
    }
}
