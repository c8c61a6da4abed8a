package io.igw.engine.recommenders;

import io.igw.storage.Workspace;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.errors.MissingPrerequisite;
import java.util.ArrayList;
import java.util.List;

/**
 * Users like a given one, by cosine of learned user vectors: the newest of the sequence model's (its last hidden
 * state) and the autoencoder's (its bottleneck) when one is stored, else a DeepWalk model's (the mean of the user's
 * item vectors).
 */
public final class SimilarUsers {
    public record Similar(long userId, double score) {
    }

    public record Result(long userId, String source, List<Similar> similar) {
    }

    private final Workspace workspace;

    public SimilarUsers(Workspace workspace) {
        this.workspace = workspace;
    }

    public Result of(long userId, int k) {
        InvalidSetting.atLeast("k", k, 1);
        String name = UserVectors.newestSource(new ModelRegistry(workspace))
                .orElseThrow(() -> new MissingPrerequisite(MissingPrerequisite.Need.USER_VECTORS));
        StoredModel model = StoredModel.load(workspace, null, name);
        Interactions known = model.interactions();
        int u = known.userIndex(userId);
        if (u < 0) {
            throw new IllegalArgumentException("User " + userId + " is not among the " + known.users() + " users model "
                    + model.meta().id() + " (" + name + ") was trained on.");
        }
        float[][] vectors = vectors(model);
        float[] me = vectors[u];
        float[] scores = new float[known.users()];
        for (int v = 0; v < scores.length; v++) {
            scores[v] = v == u ? Float.NEGATIVE_INFINITY : cosine(me, vectors[v]);
        }
        List<Similar> out = new ArrayList<>();
        for (int v : Metrics.topK(scores, k)) {
            out.add(new Similar(known.userId(v), scores[v]));
        }
        return new Result(userId, name + " (model " + model.meta().id() + ")", out);
    }

    static float[][] vectors(StoredModel model) {
        Interactions known = model.interactions();
        float[][] out = new float[known.users()][];
        float[] features = model.userFeatures();
        if (features != null) {
            int d = features.length / Math.max(1, known.users());
            for (int u = 0; u < out.length; u++) {
                out[u] = java.util.Arrays.copyOfRange(features, u * d, (u + 1) * d);
            }
        } else {
            DeepWalk walk = (DeepWalk) model.recommender();
            for (int u = 0; u < out.length; u++) {
                out[u] = walk.userVector(known.row(u));
            }
        }
        return out;
    }

    /** The cosine of two vectors, 0 when either is all zeros. */
    static float cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return na == 0 || nb == 0 ? 0 : (float) (dot / Math.sqrt(na * nb));
    }
}
