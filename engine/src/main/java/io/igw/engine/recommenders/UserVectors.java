package io.igw.engine.recommenders;

import io.igw.storage.Workspace;
import java.util.Optional;

/** The user vectors a model learned (an autoencoder's bottleneck, else DeepWalk's), for lookalikes and prediction. */
public record UserVectors(String source, long[] userIds, float[][] vectors) {
    /** From the newest autoencoder, else the newest DeepWalk model; empty when neither has been trained. */
    public static Optional<UserVectors> latest(Workspace workspace) {
        Optional<String> source = newestSource(new ModelRegistry(workspace));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String name = source.get();
        StoredModel model = StoredModel.load(workspace, null, name);
        Interactions known = model.interactions();
        long[] ids = new long[known.users()];
        for (int u = 0; u < ids.length; u++) {
            ids[u] = known.userId(u);
        }
        return Optional.of(new UserVectors(name + " (model " + model.meta().id() + ")", ids, SimilarUsers.vectors(model)));
    }

    /** Encodes any list of items into the newest autoencoder's user vector (fold-in), for features as of a past time. */
    public interface Encoder {
        String source();

        float[] encode(long[] itemIds);
    }

    /** The newest autoencoder as an {@link Encoder}; empty when none has been trained. */
    public static Optional<Encoder> encoder(Workspace workspace) {
        if (new ModelRegistry(workspace).latest("autoencoder").isEmpty()) {
            return Optional.empty();
        }
        StoredModel model = StoredModel.load(workspace, null, "autoencoder");
        UserFeatures features = (UserFeatures) model.recommender();
        Interactions known = model.interactions();
        String source = "autoencoder (model " + model.meta().id() + ")";
        return Optional.of(new Encoder() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public float[] encode(long[] itemIds) {
                return features.features(java.util.Arrays.stream(itemIds).mapToInt(known::itemIndex).filter(i -> i >= 0)
                        .distinct().sorted().toArray());
            }
        });
    }

    /** The kind of model user vectors come from: an autoencoder when one is stored, else DeepWalk; empty if neither. */
    static Optional<String> newestSource(ModelRegistry registry) {
        return registry.latest("autoencoder").isPresent() ? Optional.of("autoencoder")
                : registry.latest("deepwalk").isPresent() ? Optional.of("deepwalk") : Optional.empty();
    }

    public int dimensions() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }
}
