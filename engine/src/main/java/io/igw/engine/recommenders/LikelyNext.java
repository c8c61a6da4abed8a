package io.igw.engine.recommenders;

import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Likely next" interests: the categories the newest sequence model expects a user to act on next, with their
 * probabilities (the model's softmax over every item, summed by the items' categories; an item of several categories
 * shares its probability among them). Beside the graph's observed interests, they show where a user is heading.
 * Keeps the model and the catalogue it read until a newer sequence model is stored.
 */
public final class LikelyNext {
    /** The source model in words, and category label → probability, most likely first. */
    public record Result(String source, Map<String, Double> categories) {
    }

    private final Workspace workspace;
    private StoredModel model;
    private Map<Integer, long[]> categoriesOfItem;
    private Map<Long, String> labels;

    public LikelyNext(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The user's {@code k} likeliest next categories; empty when no sequence model is stored or it lacks the user. */
    public synchronized Optional<Result> of(long userId, int k) {
        Optional<RegisteredModel> newest = new ModelRegistry(workspace).latest("sequence");
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        if (model == null || model.meta().id() != newest.get().id()) {
            model = StoredModel.load(workspace, newest.get().id(), null);
            readCatalogue();
        }
        Interactions known = model.interactions();
        int u = known.userIndex(userId);
        if (u < 0) {
            return Optional.empty();
        }
        float[] scores = new float[known.items()];
        model.recommender().score(known.session(u), scores);
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            sum += p[i];
        }
        Map<String, Double> byCategory = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            long[] categories = categoriesOfItem.getOrDefault(i, new long[0]);
            for (long c : categories) {
                byCategory.merge(labels.getOrDefault(c, "category " + c), p[i] / sum / categories.length, Double::sum);
            }
        }
        Map<String, Double> top = new LinkedHashMap<>();
        byCategory.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(k)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return Optional.of(new Result("sequence (model " + model.meta().id() + ")", top));
    }

    private void readCatalogue() {
        CatalogLookup catalogue = CatalogLookup.load(workspace, false);
        Interactions known = model.interactions();
        categoriesOfItem = new HashMap<>();
        for (int i = 0; i < known.items(); i++) {
            categoriesOfItem.put(i, catalogue.categoriesOrOwn(known.itemId(i)));
        }
        labels = new HashMap<>();
        catalogue.categories().forEach((id, c) -> labels.put(id, c.label()));
    }
}
