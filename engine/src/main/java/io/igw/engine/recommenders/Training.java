package io.igw.engine.recommenders;

import io.igw.engine.task.JobContext;
import java.util.function.Consumer;

/**
 * How a model is to be trained: where progress goes and whether to stop, the seed everything random draws from,
 * the most epochs an iterative model may run, and who hears about each finished epoch (for a live loss chart).
 */
public record Training(JobContext context, long seed, int maxEpochs, Consumer<Epoch> onEpoch) {
    /**
     * One finished epoch: mean training loss, the validation NDCG@{@value EarlyStopping#K}, the seconds spent
     * learning and the seconds spent ranking the validation hold-out, and whether it is the best so far.
     */
    public record Epoch(int epoch, double loss, double validationNdcg, double seconds, double validationSeconds, boolean best) {
    }

    public static Training quiet(long seed) {
        return new Training(JobContext.quiet(), seed, 0, e -> {
        });
    }

    /** The same training, with {@code also} hearing of each epoch after the listener already given. */
    Training alsoTelling(Consumer<Epoch> also) {
        return new Training(context, seed, maxEpochs, onEpoch.andThen(also));
    }

    /** The epochs for a model whose default is {@code defaultEpochs}, unless the user asked for a number. */
    int epochsOr(int defaultEpochs) {
        return maxEpochs > 0 ? maxEpochs : defaultEpochs;
    }
}
