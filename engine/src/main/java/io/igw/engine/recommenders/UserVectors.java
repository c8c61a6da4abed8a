package io.igw.engine.recommenders;

import io.igw.storage.Workspace;
import java.util.Optional;

/**
 * The user vectors a model learned, for lookalikes, similar users and prediction: the newest of the sequence model
 * (its last hidden state: the user's interest vector) and the autoencoder (its bottleneck), else DeepWalk's.
 */
public record UserVectors(String source, long[] userIds, float[][] vectors) {
    /** From the newest sequence model or autoencoder, else the newest DeepWalk model; empty when none is trained. */
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

    /**
     * Encodes a user's actions up to some time into the newest user-feature model's vector (fold-in for the
     * autoencoder, a forward pass for the sequence model), for features as of a past time.
     */
    public interface Encoder {
        String source();

        /** The vector of actions on {@code itemIds}, oldest first, with their behaviour codes and times. */
        float[] encode(long[] itemIds, byte[] behaviours, long[] times);
    }

    /** The newest sequence model or autoencoder as an {@link Encoder}; empty when neither has been trained. */
    public static Optional<Encoder> encoder(Workspace workspace) {
        Optional<String> kind = newestFeatureModel(new ModelRegistry(workspace));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        StoredModel model = StoredModel.load(workspace, null, kind.get());
        UserFeatures features = (UserFeatures) model.recommender();
        Interactions known = model.interactions();
        String source = kind.get() + " (model " + model.meta().id() + ")";
        boolean ordered = kind.get().equals("sequence");
        return Optional.of(new Encoder() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public float[] encode(long[] itemIds, byte[] behaviours, long[] times) {
                if (!ordered) {
                    return features.features(java.util.Arrays.stream(itemIds).mapToInt(known::itemIndex).filter(i -> i >= 0)
                            .distinct().sorted().toArray());
                }
                int n = 0;
                int[] items = new int[itemIds.length];
                byte[] kinds = new byte[itemIds.length];
                long[] when = new long[itemIds.length];
                for (int k = 0; k < itemIds.length; k++) {
                    int i = known.itemIndex(itemIds[k]);
                    if (i >= 0) {
                        items[n] = i;
                        kinds[n] = behaviours[k];
                        when[n++] = times[k];
                    }
                }
                return features.features(new Session(java.util.Arrays.copyOf(items, n), java.util.Arrays.copyOf(kinds, n),
                        java.util.Arrays.copyOf(when, n)));
            }
        });
    }

    /** The kind of model user vectors come from: the newest feature model, else DeepWalk; empty if none. */
    static Optional<String> newestSource(ModelRegistry registry) {
        Optional<String> features = newestFeatureModel(registry);
        return features.isPresent() ? features : registry.latest("deepwalk").map(m -> "deepwalk");
    }

    /** Of the models that learn user features (sequence, autoencoder), the kind of the newest stored one. */
    private static Optional<String> newestFeatureModel(ModelRegistry registry) {
        return java.util.stream.Stream.of("sequence", "autoencoder").map(registry::latest).flatMap(Optional::stream)
                .max(java.util.Comparator.comparingInt(RegisteredModel::id)).map(RegisteredModel::model);
    }

    public int dimensions() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }
}
