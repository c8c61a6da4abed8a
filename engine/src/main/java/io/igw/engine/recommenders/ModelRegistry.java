package io.igw.engine.recommenders;

import io.igw.engine.errors.MissingPrerequisite;
import io.igw.storage.Cleanup;
import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.models.EvaluationStore;
import io.igw.storage.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's trained models, as the engine sees them: each with its provenance, stored and read back through
 * its own trainer. Storage keeps the rows and folders ({@link ModelStore}); this gives them their meaning.
 */
public final class ModelRegistry {
    /** Every user's learned feature vector, row by row, and its width; for targeting and similar users. */
    static final String USER_FEATURES = "user_features";
    static final String USER_FEATURE_DIMENSIONS = "user_features.dimensions";

    private final Workspace workspace;
    private final ModelStore store;

    public ModelRegistry(Workspace workspace) {
        this.workspace = workspace;
        this.store = new ModelStore(workspace);
    }

    /**
     * Every complete recommender, newest first. The registry also keeps models that are not recommenders (the title
     * generator, by {@code io.igw.engine.titles}); they are left out here, since whatever lists these may recommend.
     */
    public List<RegisteredModel> list() {
        return store.list().stream().filter(m -> ModelCatalog.known(m.model())).map(ModelRegistry::registered).toList();
    }

    public Optional<RegisteredModel> find(int id) {
        return store.find(id).filter(m -> ModelCatalog.known(m.model())).map(ModelRegistry::registered);
    }

    /** The newest model of that kind, or the newest of any when {@code kind} is null. */
    public Optional<RegisteredModel> latest(String kind) {
        return kind != null ? store.latest(kind).map(ModelRegistry::registered) : list().stream().findFirst();
    }

    private static RegisteredModel registered(ModelStore.TrainedModel row) {
        ModelProvenance provenance = ModelProvenance.fromJson(row.provenanceJson(), row.trainedAt(),
                ModelProvenance.curveFromJson(row.curve()));
        return new RegisteredModel(row.id(), provenance, row.epochs(), row.metrics(), row.trainSeconds());
    }

    /**
     * Stores a trained model: its state, the interactions it knows (to map ids and find a user's history) and, for
     * models that learn user features, every user's feature vector; then its figures. Nothing is kept if any step
     * fails.
     */
    int store(Recommender model, Interactions known, Map<String, Double> figures, double trainSeconds) throws IOException {
        ModelProvenance p = model.provenance();
        int id = store.begin(new ModelStore.Registration(p.kind(), p.settings(), p.seed(), p.dataVersion(), p.users(),
                p.items(), p.interactions(), p.trainedAt(), p.toJson()));
        try (ColumnFolderWriter out = store.writer(id)) {
            model.save(out);
            known.save(out);
            if (model instanceof UserFeatures f) {
                saveFeatures(f, known, out);
            }
            out.commit();
            store.complete(id, p.curve().size(), Metrics.json(figures), ModelProvenance.curveJson(p.curve()), trainSeconds);
        } catch (IOException | RuntimeException | Error e) {
            Cleanup.after(e, () -> store.discard(id));
            throw e;
        }
        return id;
    }

    private static void saveFeatures(UserFeatures f, Interactions all, ColumnFolderWriter out) {
        int d = f.dimensions();
        float[] matrix = new float[all.users() * d];
        for (int u = 0; u < all.users(); u++) {
            System.arraycopy(f.features(all.session(u)), 0, matrix, u * d, d);
        }
        out.floats(USER_FEATURES, matrix, matrix.length);
        out.ints(USER_FEATURE_DIMENSIONS, new int[]{d}, 1);
    }

    /** Model {@code id}, or the newest model of kind {@code kind}, or the newest of all when both are null; loaded. */
    public StoredModel load(Integer id, String kind) {
        if (kind != null) {
            ModelCatalog.check(kind);
        }
        RegisteredModel meta = (id != null ? find(id) : latest(kind)).orElseThrow(() -> id != null
                ? new IllegalArgumentException("There is no model " + id + " in this workspace.")
                : MissingPrerequisite.model(kind));
        ColumnFolder folder = store.state(meta.id());
        RecommenderTrainer<?> trainer = ModelCatalog.trainer(meta.model(), workspace, meta.provenance().settings());
        try {
            Recommender model = trainer.load(folder, meta.provenance());
            float[] features = folder.has(USER_FEATURES, io.igw.storage.columns.ColumnType.FLOAT) ? folder.floats(USER_FEATURES) : null;
            return new StoredModel(meta, model, Interactions.load(folder), features);
        } catch (IOException e) {
            throw new UncheckedIOException("Model " + meta.id() + "'s files could not be read", e);
        }
    }

    /** Records figures measured on a hold-out of the model's own data, so they show in the comparison. */
    void saveHoldout(Recommender model, String dataVersion, double share, int k, Map<String, Double> figures, double trainSeconds) {
        ModelProvenance p = model.provenance();
        new EvaluationStore(workspace).save(p.kind(), p.settings(), "holdout", share, k, String.valueOf(p.seed()),
                dataVersion, "{\"mean\":" + Metrics.json(figures) + ",\"std\":{}}", trainSeconds);
    }
}
