package io.igw.engine.recommenders;

import java.util.Random;

/**
 * Early stopping on validation NDCG for iterative models: a seeded tenth of each user's training items is held out,
 * the model learns from the rest ({@link #fitOn()}), and after each epoch it is ranked for (at most
 * {@value #MAX_USERS}) users against what was held out. Training stops after {@code patience} epochs without a new
 * best, and the model goes back to its best epoch.
 */
final class EarlyStopping {
    static final int K = 20;
    static final int MAX_USERS = 1500;

    private final Split split;
    private final Training training;
    private final int patience;
    private final int maxEpochs;
    private final int batch;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int epoch;
    private long epochStarted = System.nanoTime();

    EarlyStopping(Interactions train, Training training, int maxEpochs, int patience, int batch) {
        // a seeded sample of the users keeps each epoch's check cheap on large workspaces
        this.split = Split.of(train, Split.Kind.RANDOM, 0.9, training.seed() ^ 0x5eed).judgedOnAtMost(MAX_USERS, training.seed());
        this.training = training;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.batch = batch;
    }

    /** What the model learns from: the training items less the validation hold-out. */
    Interactions fitOn() {
        return split.train();
    }

    int maxEpochs() {
        return maxEpochs;
    }

    /**
     * Call after each epoch with its mean loss. Measures validation NDCG, reports the epoch, calls {@code keep}
     * when it is the best so far, and says whether to go on.
     */
    boolean after(double loss, Scorer model, Runnable keep) {
        epoch++;
        double seconds = (System.nanoTime() - epochStarted) / 1e9;
        long validationStarted = System.nanoTime();
        double ndcg = Ranking.measure(model, split.train(), split.test(), K, null).get("ndcg@" + K);
        boolean isBest = ndcg > best;
        if (isBest) {
            best = ndcg;
            bestEpoch = epoch;
            keep.run();
        }
        double validationSeconds = (System.nanoTime() - validationStarted) / 1e9;
        training.onEpoch().accept(new Training.Epoch(epoch, loss, ndcg, seconds, validationSeconds, isBest));
        training.context().progress((double) epoch / maxEpochs, String.format(java.util.Locale.ROOT,
                "epoch %d of at most %d: loss %.4f, validation ndcg@%d %.4f", epoch, maxEpochs, loss, K, ndcg));
        epochStarted = System.nanoTime();
        return epoch < maxEpochs && epoch - bestEpoch < patience && !training.context().isCancelled();
    }

    /** One mini-batch of users ({@code order[from..to)}) learned; returns its loss. */
    interface BatchStep {
        double learn(int[] order, int from, int to);

        /** Called when an epoch's batches are done, before the model is validated. */
        default void endOfEpoch() {
        }
    }

    /**
     * Trains epoch after epoch over the users of {@link #fitOn()}, shuffled with {@code random} and taken a batch
     * at a time, until {@link #after} says stop; {@code keep} saves the best epoch's weights.
     * Cancelling stops between batches.
     */
    void train(Random random, Scorer model, BatchStep step, Runnable keep) {
        int[] order = new int[split.train().users()];
        for (int u = 0; u < order.length; u++) {
            order[u] = u;
        }
        boolean goOn = true;
        while (goOn) {
            shuffle(order, random);
            double loss = 0;
            int batches = 0;
            for (int from = 0; from < order.length; from += batch) {
                training.context().checkCancelled();
                loss += step.learn(order, from, Math.min(order.length, from + batch));
                batches++;
            }
            step.endOfEpoch();
            goOn = after(loss / Math.max(1, batches), model, keep);
        }
    }

    /** Fisher–Yates, in place (the epoch order of every epoch-trained model). */
    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    int bestEpoch() {
        return bestEpoch;
    }

    int epochs() {
        return epoch;
    }
}
