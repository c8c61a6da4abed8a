package io.igw.engine.recommenders;

/**
 * A trainer of a network that learns in mini-batch epochs and stops early on validation NDCG: the part every such
 * model shares (its epochs, patience and batch; the hold-out and the epoch loop of {@link EarlyStopping}).
 */
abstract class EarlyStoppedTrainer<S extends EarlyStoppedTrainer.EpochSettings> extends RecommenderTrainer<S> {
    /** Settings of a model trained in epochs. */
    interface EpochSettings extends ModelSettings {
        int batch();

        int epochs();

        int patience();
    }

    EarlyStoppedTrainer(String kind, S settings) {
        super(kind, settings);
    }

    @Override
    public final boolean iterative() {
        return true;
    }

    @Override
    protected final Recommender fit(Interactions data, Training training, Stamp stamp) {
        EarlyStopping stopping = new EarlyStopping(data, training, training.epochsOr(settings().epochs()),
                settings().patience(), settings().batch());
        Recommender model = learn(stopping, data.items(), training, stamp);
        training.context().checkCancelled();
        return model;
    }

    /** Learns through {@code stopping}'s epochs and returns the model as of its best epoch. */
    abstract Recommender learn(EarlyStopping stopping, int items, Training training, Stamp stamp);
}
