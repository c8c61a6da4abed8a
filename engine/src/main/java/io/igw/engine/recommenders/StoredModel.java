package io.igw.engine.recommenders;

import io.igw.storage.Workspace;

/** A model from the registry, loaded and ready to score, with the interactions it was trained on. */
public final class StoredModel {
    private final RegisteredModel meta;
    private final Recommender recommender;
    private final Interactions interactions;
    private final float[] userFeatures;

    StoredModel(RegisteredModel meta, Recommender recommender, Interactions interactions, float[] userFeatures) {
        this.meta = meta;
        this.recommender = recommender;
        this.interactions = interactions;
        this.userFeatures = userFeatures;
    }

    /** Model {@code id}, or the newest model named {@code name}, or the newest of all when both are null. */
    public static StoredModel load(Workspace workspace, Integer id, String name) {
        return new ModelRegistry(workspace).load(id, name);
    }

    public RegisteredModel meta() {
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
        return userFeatures == null ? null : userFeatures.clone();
    }
}
