package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.List;

/** A user's top-N from a stored model, each item with its title, score and the reasons behind it. */
public final class Recommendations {
    /**
     * A reason put in the user's words: one of their items (id and title), an interest, or the crowd. An
     * order-aware model also says what the user did with the item ({@code behaviour}: view, fav, cart, buy, rate)
     * and when ({@code time}, epoch seconds); both are null otherwise.
     */
    public record Because(String kind, Long itemId, String label, double weight, String behaviour, Long time) {
        public Because(String kind, Long itemId, String label, double weight) {
            this(kind, itemId, label, weight, null, null);
        }
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
        return recommend(model, model.interactions().session(userIndex(model, userId)), k);
    }

    /**
     * The top K for an anonymous session that has just acted on {@code itemIds}, in this order, with these
     * behaviours (null: every action a view), scored from the session alone with no retraining: an order-aware
     * model reads the order and the behaviours, the others the set of items.
     */
    public List<Recommended> forSession(StoredModel model, long[] itemIds, Behaviour[] behaviours, int k) {
        if (itemIds.length == 0) {
            throw new InvalidSetting("session", "needs at least one item");
        }
        if (behaviours != null && behaviours.length != itemIds.length) {
            throw new InvalidSetting("behaviours", "gives " + behaviours.length + " behaviours for " + itemIds.length
                    + " items; give one per item");
        }
        int[] items = new int[itemIds.length];
        byte[] kinds = new byte[itemIds.length];
        long[] times = new long[itemIds.length];
        long now = java.time.Instant.now().getEpochSecond();
        for (int n = 0; n < itemIds.length; n++) {
            items[n] = model.interactions().itemIndex(itemIds[n]);
            if (items[n] < 0) {
                throw new InvalidSetting("session", "item " + itemIds[n] + " is not among the " + model.interactions().items()
                        + " items model " + model.meta().id() + " (" + model.meta().model() + ") knows");
            }
            kinds[n] = (behaviours == null ? Behaviour.VIEW : behaviours[n]).code();
            // a session happens now: its actions a minute apart
            times[n] = now - 60L * (itemIds.length - 1 - n);
        }
        return recommend(model, new Session(items, kinds, times), k);
    }

    private List<Recommended> recommend(StoredModel model, Session session, int k) {
        InvalidSetting.atLeast("k", k, 1);
        Recommender r = model.recommender();
        float[] scores = new float[r.items()];
        r.score(session, scores);
        for (int i : session.items()) {
            scores[i] = Float.NEGATIVE_INFINITY;
        }
        int[] top = Metrics.topK(scores, k);
        List<List<Reason>> reasons = r.because(session, top, REASONS);
        List<Recommended> out = new ArrayList<>();
        for (int n = 0; n < top.length; n++) {
            List<Because> because = new ArrayList<>();
            for (Reason reason : reasons.get(n)) {
                because.add(switch (reason.kind()) {
                    case ITEM -> {
                        long id = model.interactions().itemId(reason.item());
                        yield reason.behaviour() == 0 ? new Because("item", id, title(id), reason.weight())
                                : new Because("item", id, title(id), reason.weight(), Behaviour.ofCode(reason.behaviour()).label(),
                                reason.time() == 0 ? null : reason.time());
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

    /** An item a search found: its id and title. */
    public record Found(long itemId, String title) {
    }

    /**
     * Up to {@code limit} of the items {@code model} knows whose id is {@code text} or whose title contains it (any
     * case), the exact id first, then titles in the model's item order.
     */
    public List<Found> findItems(StoredModel model, String text, int limit) {
        String wanted = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        List<Found> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            return out;
        }
        Interactions known = model.interactions();
        try {
            long id = Long.parseLong(wanted);
            if (known.itemIndex(id) >= 0) {
                out.add(new Found(id, title(id)));
            }
        } catch (NumberFormatException notAnId) {
            // a title fragment, then
        }
        for (int i = 0; i < known.items() && out.size() < limit; i++) {
            long id = known.itemId(i);
            String title = title(id);
            if (title.toLowerCase(java.util.Locale.ROOT).contains(wanted) && (out.isEmpty() || out.get(0).itemId() != id)) {
                out.add(new Found(id, title));
            }
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
