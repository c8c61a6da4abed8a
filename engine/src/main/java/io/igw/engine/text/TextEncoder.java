package io.igw.engine.text;

import java.util.List;

/** Turns short texts (titles, tags, queries, descriptions) into vectors whose closeness is closeness of meaning. */
public interface TextEncoder {
    /** The model and its version: recorded with every vector it made, so that vectors of two models never mix. */
    String model();

    int dimensions();

    /** One unit-length vector per text, in order; a blank text gets the zero vector (it means nothing). */
    float[][] encode(List<String> texts);

    /**
     * The similarity to {@code text} above which another text is taken to mean something like it (unrelated short
     * texts score below): 0.6 unless the model says otherwise.
     */
    default double relatedAbove(String text) {
        return 0.6;
    }
}
