package io.igw.engine.recommenders;

import java.time.Instant;
import java.util.List;

/**
 * A model in the workspace's registry, as listed (its state is not read): its id, provenance, the epochs it ran,
 * its validation figures (JSON) and training seconds.
 */
public record RegisteredModel(int id, ModelProvenance provenance, int epochs, String metrics, double trainSeconds) {
    public String model() {
        return provenance.kind();
    }

    public Instant trainedAt() {
        return provenance.trainedAt();
    }

    public List<Training.Epoch> curve() {
        return provenance.curve();
    }
}
