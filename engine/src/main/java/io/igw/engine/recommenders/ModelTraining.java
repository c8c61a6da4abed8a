package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains one model on a workspace and stores it in the registry. A seeded tenth of each user's interactions is held
 * out; the model learns from the rest and is ranked against it (full ranking, K = {@value #K}), which gives the
 * figures stored with it (and as a "holdout" evaluation, so they show in the comparison). Closed-form models are
 * then trained again on everything; iterative ones keep the early-stopped network and fold in a user's full history
 * when they score. Beyond {@value #VALIDATION_USERS} users with a hold-out, a seeded sample of them is ranked. Continuing ({@link #continuing}) fine-tunes the newest stored model of the kind on the events
 * since (a warm start, for models that can) instead of learning from nothing; the new model names its parent.
 */
public final class ModelTraining implements Job<ModelTraining.Result> {
    static final int K = 20;
    public static final double VALIDATION_SPLIT = 0.9;
    /**
     * The most users the stored figures rank: beyond this a seeded sample of them is ranked, and the result says so
     * ({@link Result#validationSampled()}); {@code evaluate} keeps the full protocol.
     */
    public static final int VALIDATION_USERS = 10_000;

    /** The stored model's id and figures, with the curve of an iterative model. */
    public record Result(int modelId, String model, String parameters, long seed, int users, int items, long interactions,
                         int epochs, Map<String, Double> validation, List<Training.Epoch> curve, double trainSeconds,
                         Integer continuedFrom, int validationUsers, int validationUsersRanked) {
        /** Whether the validation figures come from a sample of the users with a hold-out rather than all of them. */
        public boolean validationSampled() {
            return validationUsersRanked < validationUsers;
        }
    }

    private final Workspace workspace;
    private final String model;
    private final long seed;
    private final int epochs;
    private final Consumer<Training.Epoch> onEpoch;
    private final boolean continuing;

    /** @param epochs the most epochs for an iterative model, or 0 for its default */
    public ModelTraining(Workspace workspace, String model, long seed, int epochs, Consumer<Training.Epoch> onEpoch) {
        this(workspace, model, seed, epochs, onEpoch, false);
    }

    private ModelTraining(Workspace workspace, String model, long seed, int epochs, Consumer<Training.Epoch> onEpoch,
                          boolean continuing) {
        ModelCatalog.checkTrainable(model);
        InvalidSetting.atLeast("epochs", epochs, 0);
        this.workspace = workspace;
        this.model = model;
        this.seed = seed;
        this.epochs = epochs;
        this.onEpoch = onEpoch;
        this.continuing = continuing;
    }

    /** The same training, fine-tuning the newest stored model of the kind rather than starting afresh. */
    public ModelTraining continuing() {
        return new ModelTraining(workspace, model, seed, epochs, onEpoch, true);
    }

    /**
     * What training {@code trainer} on {@code all} is estimated to need: the model's own need, beside the rows held
     * while it learns (everything, the validation split's two parts and the sample ranked) and a chunk of scores
     * as the hold-out is ranked.
     */
    public static MemoryNeed memoryToTrain(RecommenderTrainer<?> trainer, Interactions all, int epochs) {
        double rows = Interactions.bytesHeld(all.users(), all.items(), all.size());
        return trainer.memoryToTrain(all.users(), all.items(), all.size(), epochs)
                .plusHeap(3 * rows + 4.0 * Ranking.CHUNK * all.items());
    }

    /** Refuses, before it learns anything, a training that would not fit in this JVM's memory. */
    static void checkFits(String model, RecommenderTrainer<?> trainer, Interactions all, int epochs) {
        NotEnoughMemory.check(String.format(java.util.Locale.ROOT, "training of the %s model (%,d users, %,d items, %,d interactions)",
                model, all.users(), all.items(), all.size()), memoryToTrain(trainer, all, epochs));
    }

    @Override
    public Result run(JobContext context) throws Exception {
        context.progress(0, "reading interactions");
        ModelRegistry registry = new ModelRegistry(workspace);
        StoredModel parent = continuing ? registry.load(null, model) : null;
        RecommenderTrainer<?> trainer = parent == null ? ModelCatalog.trainer(model, workspace)
                : ModelCatalog.trainer(model, workspace, parent.meta().provenance().settings());
        if (parent != null && !trainer.continues()) {
            throw new InvalidSetting("model", "a " + model + " model cannot be fine-tuned on new events; train it again instead");
        }
        Interactions all = trainer.withItemsItCanScore(Interactions.toLearnFrom(workspace));
        checkFits(model, trainer, all, epochs);
        Split validation = Split.of(all, Split.Kind.RANDOM, VALIDATION_SPLIT, seed);
        boolean iterative = trainer.iterative();
        long t0 = System.nanoTime();
        Training training = new Training(context.part(0.02, iterative ? 0.85 : 0.4, null), seed, epochs, onEpoch);
        Recommender r = parent == null ? trainer.train(validation.train(), training)
                : trainer.continueFrom(parent.recommender(), parent.meta().id(), parent.interactions(), validation.train(), training);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Split judged = validation.judgedOnAtMost(VALIDATION_USERS, seed);
        int withHoldout = validation.judgedUsers();
        int ranked = judged.judgedUsers();
        context.progress(iterative ? 0.88 : 0.45, ranked < withHoldout
                ? String.format(java.util.Locale.ROOT, "ranking the validation hold-out of %,d users, a seeded sample of the %,d who have one", ranked, withHoldout)
                : "ranking the validation hold-out");
        Map<String, Double> figures = Ranking.measure(r, judged.train(), judged.test(), K, context);
        List<Training.Epoch> curve = r.provenance().curve();
        if (!iterative) {
            r = trainer.train(all, new Training(context.part(0.5, 0.4, "on everything: "), seed, epochs, e -> {
            }));
        }
        context.checkCancelled();
        context.progress(0.92, "storing the model");
        int id = registry.store(r, all, figures, trainSeconds);
        registry.saveHoldout(r, all.dataVersion(), VALIDATION_SPLIT, K, figures, trainSeconds);
        context.uncancellable().progress(1, "model " + id + " stored");
        return new Result(id, model, trainer.settings().describe(), seed, all.users(), all.items(), all.size(),
                curve.size(), figures, curve, trainSeconds, parent == null ? null : parent.meta().id(), withHoldout, ranked);
    }
}
