package io.igw.engine.recommenders;

import io.igw.storage.columns.ColumnFolderWriter;
import java.io.IOException;
import java.util.List;

/**
 * A trained recommender: immutable, made by its {@link RecommenderTrainer}. It scores every item for a user from the
 * user's history alone (fold-in), so a stored model can recommend to anyone whose items it knows; it explains its
 * recommendations, saves what it learned, and carries its provenance.
 */
public interface Recommender extends Scorer {
    /** Where the model came from: kind, settings, seed, data, library versions, when, its curve. */
    ModelProvenance provenance();

    /** The model's kind on the command line: pop, itemknn, ease... */
    default String kind() {
        return provenance().kind();
    }

    /** Writes what the model learned, for its trainer's {@link RecommenderTrainer#load} to read back. */
    void save(ColumnFolderWriter out) throws IOException;

    /**
     * Why each of {@code recommended} scores high for this user, strongest reason first. By default the user's items
     * whose removal lowers the item's score most (occlusion), which holds for any model.
     */
    default List<List<Reason>> because(int[] history, int[] recommended, int perItem) {
        return Occlusion.explain(this, history, recommended, perItem);
    }

    /** As {@link #because(int[], int[], int)} for a session; an order-aware model reads its order. */
    default List<List<Reason>> because(Session session, int[] recommended, int perItem) {
        return because(session.distinctItems(), recommended, perItem);
    }
}
