package io.igw.engine.recommenders;

/** What every trained recommender holds besides what it learned: its provenance. */
abstract class TrainedRecommender implements Recommender {
    private final ModelProvenance provenance;

    TrainedRecommender(ModelProvenance provenance) {
        this.provenance = provenance;
    }

    @Override
    public final ModelProvenance provenance() {
        return provenance;
    }
}
