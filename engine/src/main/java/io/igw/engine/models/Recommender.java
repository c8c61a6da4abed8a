package io.igw.engine.models;

import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.io.IOException;
import java.util.List;

/**
 * A model that learns from interactions and scores every item for a user from the user's history alone (fold-in),
 * so a stored model can recommend to anyone whose items it knows. Higher scores are more likely.
 */
public interface Recommender {
    /** The model's name on the command line: pop, itemknn, ease... */
    String name();

    /** The model's parameters as {@code key=value,...}, stored with its results. */
    String parameters();

    void fit(Interactions train, Training training) throws Exception;

    /**
     * Whether the model learns in epochs and stops early on a hold-out of what it is given; such models are not
     * refitted on everything after validation (see {@link ModelTraining}).
     */
    default boolean iterative() {
        return false;
    }

    /** How many items the model scores (the length of {@link #score}'s array). */
    int items();

    /**
     * Fills {@code scores} (one per item) for a user whose items are {@code history} (ascending item indices);
     * the caller masks the history itself.
     */
    void score(int[] history, float[] scores);

    /** Writes what the model learned. */
    void save(ColumnFolderWriter out) throws IOException;

    /** Reads what {@link #save} wrote, for a model created with the same parameters. */
    void load(ColumnFolder in) throws IOException;

    /**
     * Why each of {@code recommended} scores high for this user, strongest reason first. By default the user's items
     * whose removal lowers the item's score most (occlusion), which holds for any model.
     */
    default List<List<Reason>> because(int[] history, int[] recommended, int perItem) {
        return Occlusion.explain(this, history, recommended, perItem);
    }
}
