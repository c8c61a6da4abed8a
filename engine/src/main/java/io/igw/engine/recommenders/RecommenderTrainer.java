package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.storage.columns.ColumnFolder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns one kind of recommender with typed settings and returns it trained and immutable, stamped with its
 * provenance (Tribuo's Trainer/Model split). The same trainer reads a stored model back ({@link #load}).
 *
 * @param <S> the model's settings
 */
public abstract class RecommenderTrainer<S extends ModelSettings> {
    private final String kind;
    private final S settings;

    protected RecommenderTrainer(String kind, S settings) {
        this.kind = kind;
        this.settings = settings;
    }

    /** The kind of model, by its command-line name. */
    public final String kind() {
        return kind;
    }

    public final S settings() {
        return settings;
    }

    /**
     * Whether the model learns in epochs and stops early on a hold-out of what it is given; such models are not
     * refitted on everything after validation (see {@link ModelTraining}).
     */
    public boolean iterative() {
        return false;
    }

    /** Learns from {@code data} and returns the trained model with its provenance and curve. */
    public final Recommender train(Interactions data, Training training) throws Exception {
        List<Training.Epoch> curve = new ArrayList<>();
        Training recording = training.alsoTelling(curve::add);
        return fit(data, recording, () -> new ModelProvenance(kind, settings.describe(), training.seed(),
                data.dataVersion(), data.users(), data.items(), data.size(), LibraryVersions.current(), Instant.now(), curve));
    }

    /**
     * The items a model trained for use scores: {@code data}'s, which is every item someone has touched. A model that
     * reads what an item is adds the catalogue's untouched items ({@link Interactions#withItems}), so that it can
     * recommend them; evaluations leave the items as they are, so that every model ranks the same ones.
     */
    public Interactions withItemsItCanScore(Interactions data) {
        return data;
    }

    /** Whether {@link #continueFrom} can fine-tune a stored model of this kind on new data. */
    public boolean continues() {
        return false;
    }

    /**
     * Fine-tunes {@code previous} (registry model {@code previousId}, trained on {@code before}) on {@code data}, which
     * holds the same users and items and more: the warm start keeps its weights. The result's provenance names the
     * model it continued from.
     */
    public final Recommender continueFrom(Recommender previous, int previousId, Interactions before, Interactions data,
                                          Training training) throws Exception {
        if (!continues()) {
            throw new io.igw.engine.errors.InvalidSetting("model", "a " + kind + " model cannot be fine-tuned on new events; train it again instead");
        }
        List<Training.Epoch> curve = new ArrayList<>();
        Training recording = training.alsoTelling(curve::add);
        return refit(previous, before, data, recording, () -> new ModelProvenance(kind, settings.describe(),
                training.seed(), data.dataVersion(), data.users(), data.items(), data.size(), LibraryVersions.current(),
                Instant.now(), curve, previousId));
    }

    /** The fine-tuning of {@link #continueFrom}, for trainers whose {@link #continues} is true. */
    protected Recommender refit(Recommender previous, Interactions before, Interactions data, Training training,
                                Stamp stamp) throws Exception {
        throw new UnsupportedOperationException(kind + " does not continue");
    }

    /** Gives a finished model its provenance, at the moment it is made. */
    protected interface Stamp {
        ModelProvenance provenance();
    }

    /**
     * What learning from {@code users} × {@code items} with {@code pairs} interactions is estimated to need beyond
     * the interactions themselves: weights, optimiser state, a batch's activations and working arrays, on the heap
     * and in ND4J's native buffers. An upper bound; {@code igw bench memory} measures it against the real training.
     *
     * @param epochs the most epochs asked for, or 0 for the settings' own
     */
    public abstract MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs);

    /** See {@link MemoryNeed#ND4J_WORKING}. */
    protected static final double ND4J_WORKING = MemoryNeed.ND4J_WORKING;

    /** The model-specific learning; ends by making the model with {@code stamp.provenance()}. */
    protected abstract Recommender fit(Interactions data, Training training, Stamp stamp) throws Exception;

    /** Reads back a model that {@link Recommender#save} wrote, trained with these settings. */
    public abstract Recommender load(ColumnFolder in, ModelProvenance provenance) throws IOException;
}
