package io.igw.engine.models;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.models.EvaluationStore;
import io.igw.storage.models.ModelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Trains one model on a workspace and stores it in the registry. A seeded tenth of each user's interactions is held
 * out; the model learns from the rest and is ranked against it (full ranking, K = {@value #K}), which gives the
 * figures stored with it (and as a "holdout" evaluation, so they show in the comparison). Closed-form models are
 * then refitted on everything; iterative ones keep the early-stopped network and fold in a user's full history
 * when they score. Stored with the model: its state, the interactions it knows (to map ids and find a user's
 * history) and, for models that learn user features, every user's feature vector.
 */
public final class ModelTraining implements Job<ModelTraining.Result> {
    static final int K = 20;
    static final double VALIDATION_SPLIT = 0.9;

    /** The stored model's id and figures, with the curve of an iterative model. */
    public record Result(int modelId, String model, String parameters, long seed, int users, int items, long interactions,
                         int epochs, Map<String, Double> validation, List<Training.Epoch> curve, double trainSeconds) {
    }

    private final Workspace workspace;
    private final String model;
    private final long seed;
    private final int epochs;
    private final Consumer<Training.Epoch> onEpoch;

    /** @param epochs the most epochs for an iterative model, or 0 for its default */
    public ModelTraining(Workspace workspace, String model, long seed, int epochs, Consumer<Training.Epoch> onEpoch) {
        ModelCatalog.check(model);
        if (epochs < 0) {
            throw new IllegalArgumentException("--epochs must be positive, not " + epochs);
        }
        this.workspace = workspace;
        this.model = model;
        this.seed = seed;
        this.epochs = epochs;
        this.onEpoch = onEpoch;
    }

    @Override
    public Result run(JobContext context) throws Exception {
        context.progress(0, "reading interactions");
        Interactions all = Interactions.of(workspace);
        if (all.size() == 0) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
        }
        Split validation = Split.of(all, Split.Kind.RANDOM, VALIDATION_SPLIT, seed);
        Recommender r = ModelCatalog.create(model, workspace);
        List<Training.Epoch> curve = new ArrayList<>();
        Consumer<Training.Epoch> listener = e -> {
            curve.add(e);
            onEpoch.accept(e);
        };
        long t0 = System.nanoTime();
        r.fit(validation.train(), new Training(context.part(0.02, r.iterative() ? 0.85 : 0.4, null), seed, epochs, listener));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        context.progress(r.iterative() ? 0.88 : 0.45, "ranking the validation hold-out");
        Map<String, Double> figures = Ranking.measure(r, validation.train(), validation.test(), K, context);
        if (!r.iterative()) {
            r = ModelCatalog.create(model, workspace);
            r.fit(all, new Training(context.part(0.5, 0.4, "on everything: "), seed, epochs, e -> {
            }));
        }
        context.checkCancelled();
        context.progress(0.92, "storing the model");
        int id = store(r, all, figures, curve, trainSeconds, context.uncancellable());
        context.progress(1, "model " + id + " stored");
        return new Result(id, model, r.parameters(), seed, all.users(), all.items(), all.size(),
                curve.isEmpty() ? 0 : curve.size(), figures, curve, trainSeconds);
    }

    private int store(Recommender r, Interactions all, Map<String, Double> figures, List<Training.Epoch> curve,
                      double trainSeconds, JobContext context) throws Exception {
        String dataVersion = "datasets " + new DatasetStore(workspace).completeIds(DatasetKind.EVENTS).stream()
                .map(String::valueOf).collect(Collectors.joining(","));
        ModelStore models = new ModelStore(workspace);
        int id = models.begin(new ModelStore.Provenance(model, r.parameters(), seed, dataVersion, all.users(), all.items(), all.size()));
        try (ColumnFolderWriter out = models.writer(id)) {
            r.save(out);
            all.save(out);
            if (r instanceof UserFeatures f) {
                saveFeatures(f, all, out);
            }
            out.commit();
            models.complete(id, curve.size(), Json.of(figures), curveJson(curve), trainSeconds);
        } catch (Exception | Error e) {
            models.discard(id);
            throw e;
        }
        new EvaluationStore(workspace).save(model, r.parameters(), "holdout", VALIDATION_SPLIT, K, String.valueOf(seed),
                dataVersion, "{\"mean\":" + Json.of(figures) + ",\"std\":{}}", trainSeconds);
        return id;
    }

    /** Every user's feature vector, row by row, for targeting and the graph to use. */
    private static void saveFeatures(UserFeatures f, Interactions all, ColumnFolderWriter out) {
        int d = f.dimensions();
        float[] matrix = new float[all.users() * d];
        for (int u = 0; u < all.users(); u++) {
            System.arraycopy(f.features(all.row(u)), 0, matrix, u * d, d);
        }
        out.floats("user_features", matrix, matrix.length);
        out.ints("user_features.dimensions", new int[]{d}, 1);
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "null" : String.format(Locale.ROOT, "%.6f", x);
    }

    private static String curveJson(List<Training.Epoch> curve) {
        return curve.stream().map(e -> String.format(Locale.ROOT,
                        "{\"epoch\":%d,\"loss\":%s,\"ndcg\":%s,\"seconds\":%.3f,\"best\":%b}",
                        e.epoch(), number(e.loss()), number(e.validationNdcg()), e.seconds(), e.best()))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
