package io.igw.engine.models;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A model from the registry, loaded and ready to score, with the interactions it was trained on. */
public final class StoredModel {
    private final ModelStore.TrainedModel meta;
    private final Recommender recommender;
    private final Interactions interactions;
    private final ColumnFolder folder;

    private StoredModel(ModelStore.TrainedModel meta, Recommender recommender, Interactions interactions, ColumnFolder folder) {
        this.meta = meta;
        this.recommender = recommender;
        this.interactions = interactions;
        this.folder = folder;
    }

    /** Model {@code id}, or the newest model named {@code name}, or the newest of all when both are null. */
    public static StoredModel load(Workspace workspace, Integer id, String name) {
        ModelStore store = new ModelStore(workspace);
        if (name != null) {
            ModelCatalog.check(name);
        }
        ModelStore.TrainedModel meta = (id != null ? store.find(id) : store.latest(name)).orElseThrow(() ->
                new IllegalArgumentException(id != null ? "There is no model " + id + " in this workspace."
                        : "No " + (name == null ? "" : name + " ") + "model has been trained in this workspace yet: run "
                        + "./igw train --workspace W --model " + (name == null ? "ease" : name) + " first."));
        ColumnFolder folder = store.state(meta.id());
        Recommender r = ModelCatalog.create(meta.model(), workspace);
        try {
            r.load(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Model " + meta.id() + "'s files could not be read", e);
        }
        return new StoredModel(meta, r, Interactions.load(folder), folder);
    }

    public ModelStore.TrainedModel meta() {
        return meta;
    }

    public Recommender recommender() {
        return recommender;
    }

    public Interactions interactions() {
        return interactions;
    }

    /** Every user's feature vector (rows in the order of {@link #interactions()}'s users), or null. */
    public float[] userFeatures() {
        return folder.has("user_features", io.igw.storage.columns.ColumnType.FLOAT) ? folder.floats("user_features") : null;
    }
}
