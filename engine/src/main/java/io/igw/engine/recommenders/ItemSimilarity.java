package io.igw.engine.recommenders;

/** A model that can say which items are like a given one. */
public interface ItemSimilarity {
    /** Fills {@code scores} with every item's similarity to {@code item}; higher is more alike. */
    void similarTo(int item, float[] scores);
}
