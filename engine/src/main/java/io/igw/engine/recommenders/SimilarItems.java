package io.igw.engine.recommenders;

import io.igw.storage.Workspace;
import io.igw.engine.errors.InvalidSetting;
import java.util.ArrayList;
import java.util.List;

/**
 * Items like a given one. From the stored model named, or else the newest stored model that can compare items
 * (graph embeddings first, then item-kNN); with none stored, item-kNN is fitted on the workspace there and then.
 */
public final class SimilarItems {
    public record Similar(long itemId, String title, double score) {
    }

    public record Result(long itemId, String title, String source, List<Similar> similar) {
    }

    private final Workspace workspace;

    public SimilarItems(Workspace workspace) {
        this.workspace = workspace;
    }

    public Result of(long itemId, int k, String modelName) throws Exception {
        InvalidSetting.atLeast("k", k, 1);
        Recommender model;
        Interactions interactions;
        String source;
        StoredModel stored = stored(modelName);
        if (stored != null) {
            model = stored.recommender();
            interactions = stored.interactions();
            source = stored.meta().model() + " (model " + stored.meta().id() + ")";
        } else {
            interactions = Interactions.of(workspace);
            model = new ItemKnn.Trainer(ItemKnn.Settings.standard()).train(interactions, Training.quiet(1));
            source = "itemknn (fitted now; no item model is stored)";
        }
        int item = interactions.itemIndex(itemId);
        if (item < 0) {
            throw new IllegalArgumentException("Item " + itemId + " has no interactions in " + (stored != null
                    ? "the data model " + stored.meta().id() + " was trained on." : "this workspace."));
        }
        float[] scores = new float[model.items()];
        ((ItemSimilarity) model).similarTo(item, scores);
        scores[item] = Float.NEGATIVE_INFINITY;
        Recommendations titles = new Recommendations(workspace);
        List<Similar> out = new ArrayList<>();
        for (int j : Metrics.topK(scores, k)) {
            if (scores[j] > 0) {
                long id = interactions.itemId(j);
                out.add(new Similar(id, titles.title(id), scores[j]));
            }
        }
        return new Result(itemId, titles.title(itemId), source, out);
    }

    private StoredModel stored(String modelName) {
        if (modelName != null) {
            StoredModel m = StoredModel.load(workspace, null, modelName);
            if (!(m.recommender() instanceof ItemSimilarity)) {
                throw new IllegalArgumentException("Model '" + modelName + "' does not compare items; use deepwalk or itemknn.");
            }
            return m;
        }
        ModelRegistry registry = new ModelRegistry(workspace);
        for (String name : List.of("deepwalk", "itemknn")) {
            if (registry.latest(name).isPresent()) {
                return StoredModel.load(workspace, null, name);
            }
        }
        return null;
    }
}
