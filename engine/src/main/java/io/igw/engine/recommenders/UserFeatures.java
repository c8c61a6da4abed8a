package io.igw.engine.recommenders;

/** A model that learns a feature vector per user (an autoencoder's bottleneck), written back for targeting. */
public interface UserFeatures {
    int dimensions();

    /** The feature vector of a user whose items are {@code history}. */
    float[] features(int[] history);

    /** The feature vector of a user whose actions, in time order, are {@code session}. */
    default float[] features(Session session) {
        return features(session.distinctItems());
    }
}
