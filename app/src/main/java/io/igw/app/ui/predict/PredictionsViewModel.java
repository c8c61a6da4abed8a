package io.igw.app.ui.predict;

import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.prediction.BehaviourPrediction;
import io.igw.engine.prediction.ClassifierMetrics;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.PredictionResult;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.storage.Workspace;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Predictions screen without its pixels: what to predict (churn or purchase) how many days ahead and from which
 * seed; the run in the background; then the test figures of the model and its baseline, the deciles, and the users
 * most likely to churn (or buy) now with the signals behind it. Each run is kept in the workspace (purchase
 * propensity feeds the audience builder). Tested without the GUI.
 */
public final class PredictionsViewModel {
    /** A user most likely to churn (or buy), as the table shows them. */
    public record AtRiskRow(long userId, String category, double probability, String reasons) {
    }

    public final List<Outcome> outcomes = List.of(Outcome.values());
    public final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.CHURN);
    public final IntegerProperty horizonDays = new SimpleIntegerProperty(7);
    public final IntegerProperty seed = new SimpleIntegerProperty(1);
    /** Per user and category they touched, rather than per user. */
    public final javafx.beans.property.BooleanProperty byCategory = new javafx.beans.property.SimpleBooleanProperty(false);

    public final ScreenWork work;
    public final ObjectProperty<PredictionResult> result = new SimpleObjectProperty<>();
    public final StringProperty summary = new SimpleStringProperty("");
    public final ObservableList<AtRiskRow> atRisk = FXCollections.observableArrayList();
    public final ObservableList<ClassifierMetrics.Decile> deciles = FXCollections.observableArrayList();

    private final Workspace workspace;

    public PredictionsViewModel(Workspace workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.work = new ScreenWork(tasks);
    }

    public void run() {
        Outcome what = outcome.get();
        int days = horizonDays.get();
        long s = seed.get();
        boolean perCategory = byCategory.get();
        work.start("predict " + what.label(), ctx -> {
            PredictionResult r = new BehaviourPrediction(workspace, what, days, s, perCategory).run(ctx);
            SavedPredictions.save(workspace, r);
            return r;
        }, r -> {
            result.set(r);
            atRisk.setAll(r.atRisk().stream().map(a -> new AtRiskRow(a.userId(), a.category() == null ? "" : a.category(), a.probability(),
                    String.join("; ", a.reasons()))).toList());
            deciles.setAll(r.model().deciles());
            summary.set(describe(r));
            work.status.set(perCategory ? String.format(Locale.ROOT, "Done in %.1f s.", r.seconds())
                    : String.format(Locale.ROOT, "Done in %.1f s; every user's probability is kept in the workspace%s.",
                    r.seconds(), what == Outcome.PURCHASE ? " and now feeds audience scores" : ""));
        });
    }

    static String describe(PredictionResult r) {
        return String.format(Locale.ROOT, "%s: tested on the last %d days (%,d %s, %.0f%% with it). Model AUC %.3f, PR-AUC %.3f, "
                        + "top-decile lift %.2f; baseline AUC %.3f, PR-AUC %.3f, lift %.2f. The model %s its baseline.%s",
                capitalised(r.outcome().describe(r.horizonDays())) + (r.byCategory() ? " per category" : ""), r.horizonDays(),
                r.testUsers(), r.byCategory() ? "users × categories" : "users", 100 * r.model().baseRate(),
                r.model().auc(), r.model().prAuc(), r.model().liftTopDecile(), r.baseline().auc(), r.baseline().prAuc(),
                r.baseline().liftTopDecile(), r.model().auc() > r.baseline().auc() ? "beats" : "does not beat",
                r.userVectors() == null ? "" : " User vectors: " + r.userVectors() + ".");
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }}
