package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.List;

/** A user's top-N from a stored model, each item with its title, score and the reasons behind it. */
public final class Recommendations {
    /** A reason put in the user's words: one of their items (id and title), an interest, or the crowd. */
    public record Because(String kind, Long itemId, String label, double weight) {
    }

    public record Recommended(long itemId, String title, double score, List<Because> because) {
    }

    private static final int REASONS = 3;

    private final Workspace workspace;
    private CatalogLookup catalog;

    public Recommendations(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The user's items the model knows, as item ids (ascending by the model's numbering). */
    public static long[] history(StoredModel model, long userId) {
        int u = userIndex(model, userId);
        int[] row = model.interactions().row(u);
        long[] ids = new long[row.length];
        for (int k = 0; k < row.length; k++) {
            ids[k] = model.interactions().itemId(row[k]);
        }
        return ids;
    }

    public List<Recommended> forUser(StoredModel model, long userId, int k) {
        InvalidSetting.atLeast("k", k, 1);
        int[] history = model.interactions().row(userIndex(model, userId));
        Recommender r = model.recommender();
        float[] scores = new float[r.items()];
        r.score(history, scores);
        for (int i : history) {
            scores[i] = Float.NEGATIVE_INFINITY;
        }
        int[] top = Metrics.topK(scores, k);
        List<List<Reason>> reasons = r.because(history, top, REASONS);
        List<Recommended> out = new ArrayList<>();
        for (int n = 0; n < top.length; n++) {
            List<Because> because = new ArrayList<>();
            for (Reason reason : reasons.get(n)) {
                because.add(switch (reason.kind()) {
                    case ITEM -> {
                        long id = model.interactions().itemId(reason.item());
                        yield new Because("item", id, title(id), reason.weight());
                    }
                    case INTEREST -> new Because("interest", null, reason.label(), reason.weight());
                    case POPULAR -> new Because("popular", null, reason.label(), reason.weight());
                });
            }
            long id = model.interactions().itemId(top[n]);
            out.add(new Recommended(id, title(id), scores[top[n]], because));
        }
        return out;
    }

    /** The item's catalogue title, or "item ID" when the catalogue has none. */
    public String title(long itemId) {
        if (catalog == null) {
            catalog = CatalogLookup.load(workspace, true);
        }
        CatalogLookup.Item item = catalog.item(itemId);
        return item == null || item.title() == null || item.title().isBlank() ? "item " + itemId : item.title();
    }

    private static int userIndex(StoredModel model, long userId) {
        int u = model.interactions().userIndex(userId);
        if (u < 0) {
            throw new IllegalArgumentException("User " + userId + " is not among the " + model.interactions().users()
                    + " users model " + model.meta().id() + " (" + model.meta().model() + ") was trained on.");
        }
        return u;
    }
}
