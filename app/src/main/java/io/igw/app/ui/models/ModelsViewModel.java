package io.igw.app.ui.models;

import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.recommenders.Evaluation;
import io.igw.engine.recommenders.ModelCatalog;
import io.igw.engine.recommenders.ModelRegistry;
import io.igw.engine.recommenders.RegisteredModel;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.recommenders.Split;
import io.igw.engine.recommenders.Training;
import io.igw.storage.Workspace;
import io.igw.storage.models.EvaluationStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Models screen without its pixels: which model to train with which epochs and seed; the running job's
 * progress, its curve epoch by epoch, cancel; the stored evaluations under the chosen protocol (a table and the
 * figures for a chart: the newest result per model); the model registry. Tested without the GUI.
 */
public final class ModelsViewModel {
    /** Seeds of the "Evaluate" button's protocol: random 80/20 per user, K = 20, three seeds. */
    static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    public final List<String> models = ModelCatalog.names();
    public final StringProperty model = new SimpleStringProperty("autoencoder");
    /** The most epochs for an iterative model; 0 means the model's own default. */
    public final IntegerProperty epochs = new SimpleIntegerProperty(0);
    public final IntegerProperty seed = new SimpleIntegerProperty(1);

    public final BooleanProperty running;
    public final DoubleProperty progress;
    public final StringProperty status;
    public final ObservableList<Training.Epoch> curve = FXCollections.observableArrayList();
    /** Whose curve {@link #curve} is: the run in progress or a stored model. */
    public final StringProperty curveOf = new SimpleStringProperty("");

    public final ObservableList<String> protocols = FXCollections.observableArrayList();
    public final StringProperty protocol = new SimpleStringProperty();
    public final ObservableList<EvaluationStore.Stored> comparison = FXCollections.observableArrayList();
    public final ObservableList<RegisteredModel> registry = FXCollections.observableArrayList();

    private final Workspace workspace;
    private final UiTasks tasks;
    private final ScreenWork work;
    /** Every stored evaluation as last read, newest first; the protocol choice filters it. */
    private List<EvaluationStore.Stored> stored = List.of();

    public ModelsViewModel(Workspace workspace, UiTasks tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.work = new ScreenWork(tasks, "Cancelled; nothing was stored.");
        running = work.running;
        progress = work.progress;
        status = work.status;
        protocol.addListener((o, a, b) -> filter());
        refresh();
    }

    /** Trains the chosen model in the background; its epochs arrive in {@link #curve} as they finish. */
    public void train() {
        if (running.get()) {
            return;
        }
        curve.clear();
        String name = model.get();
        curveOf.set(name + " · training");
        ModelTraining training = new ModelTraining(workspace, name, seed.get(), epochs.get(), e -> tasks.onUi(() -> curve.add(e)));
        start("train " + name, training, r -> {
            status.set(String.format(Locale.ROOT, "%s stored as model %d: validation recall@20 %.4f, ndcg@20 %.4f (%s, %.1f s)%s.",
                    r.model(), r.modelId(), r.validation().get("recall@20"), r.validation().get("ndcg@20"),
                    r.epochs() == 0 ? "closed form" : r.epochs() + " epochs", r.trainSeconds(),
                    r.validationSampled() ? String.format(Locale.ROOT, "; ranked on a sample of %,d of %,d users, Evaluate ranks them all",
                            r.validationUsersRanked(), r.validationUsers()) : ""));
            refreshShowingNewest();
        });
    }

    /** Evaluates the chosen model under the standard protocol (random 80/20, K = 20, seeds 1, 2 and 3). */
    public void evaluate() {
        if (running.get()) {
            return;
        }
        curve.clear();
        String name = model.get();
        Evaluation evaluation = new Evaluation(workspace, List.of(name), Split.Kind.RANDOM, 0.8, 20, SEEDS);
        start("evaluate " + name, evaluation, report -> {
            Evaluation.Result r = report.results().get(0);
            status.set(String.format(Locale.ROOT, "%s evaluated: recall@20 %.4f ± %.4f, ndcg@20 %.4f ± %.4f over %d seeds.",
                    r.model(), r.mean().get("recall@20"), r.std().get("recall@20"), r.mean().get("ndcg@20"),
                    r.std().get("ndcg@20"), SEEDS.size()));
            refreshShowingNewest();
        });
    }

    /** The newest scaling curve: one point per size (empty until {@link #scale} has run). */
    public final ObservableList<io.igw.engine.bench.ScaleBenchmark.Point> scaling = FXCollections.observableArrayList();

    /**
     * The scaling curve: trains the sequence model at each size (small, base, large) on a leave-last-one-out split,
     * at most the chosen epochs each (0: the model's own early stopping), and measures each on every user's last
     * action. Nothing is stored in the registry.
     */
    public void scale() {
        scale(List.of("small", "base", "large"));
    }

    /** The scaling curve over the sizes named. */
    public void scale(List<String> sizes) {
        if (running.get()) {
            return;
        }
        io.igw.engine.bench.ScaleBenchmark bench = new io.igw.engine.bench.ScaleBenchmark(workspace, sizes, epochs.get(), seed.get());
        start("scaling curve", bench::points, points -> {
            scaling.setAll(points);
            status.set(points.stream().map(p -> String.format(Locale.ROOT, "%s %,d parameters: ndcg@10 %.4f, %.1f s/epoch",
                    p.size(), p.parameters(), p.ndcg10(), p.secondsPerEpoch())).collect(java.util.stream.Collectors.joining("; ")) + ".");
        });
    }

    private <T> void start(String name, io.igw.engine.task.Job<T> job, java.util.function.Consumer<T> done) {
        work.start(name, job, done);
    }

    public void cancel() {
        work.cancel();
    }

    /** What the screen shows from the workspace: every stored evaluation (newest first) and every stored model. */
    private record Stored(List<EvaluationStore.Stored> evaluations, List<RegisteredModel> models) {
    }

    /** Re-reads the stored evaluations and models in the background; the newest read is applied. */
    public void refresh() {
        refresh(() -> { });
    }

    private void refresh(Runnable then) {
        work.latest("read the registry", ctx -> new Stored(new EvaluationStore(workspace).list(),
                new ModelRegistry(workspace).list()), read -> {
            apply(read);
            then.run();
        });
    }

    private void apply(Stored read) {
        stored = read.evaluations();
        List<String> seen = stored.stream().map(EvaluationStore.Stored::protocol).distinct().toList();
        String keep = protocol.get();
        protocols.setAll(seen);   // a choice box showing these clears its value when they change
        protocol.set(keep != null && seen.contains(keep) ? keep : seen.isEmpty() ? null : seen.get(0));
        filter();
        registry.setAll(read.models());
        if (!running.get() && curve.isEmpty() && !registry.isEmpty()) {
            showCurveOf(registry.stream().filter(m -> m.epochs() > 0).findFirst().orElse(registry.get(0)));
        }
    }

    /** Shows a stored model's training curve (closed-form models have none). */
    public void showCurveOf(RegisteredModel trained) {
        if (running.get() || trained == null) {
            return;
        }
        curve.setAll(trained.curve());
        curveOf.set(trained.model() + " · model " + trained.id());
    }

    private void filter() {
        String p = protocol.get();
        comparison.setAll(stored.stream().filter(s -> s.protocol().equals(p)).toList());
    }

    /** Re-reads everything and shows the protocol of the newest result: the one just stored. */
    private void refreshShowingNewest() {
        refresh(() -> {
            if (!stored.isEmpty()) {
                protocol.set(stored.get(0).protocol());
            }
        });
    }

    /** The newest figures of each model under the chosen protocol, for the chart: model → metric → value. */
    public Map<String, Map<String, Double>> newestPerModel() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (EvaluationStore.Stored s : comparison) {
            out.putIfAbsent(s.model(), s.mean());
        }
        return out;
    }
}
