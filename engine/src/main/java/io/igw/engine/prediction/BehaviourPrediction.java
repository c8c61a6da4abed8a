package io.igw.engine.prediction;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.activity.ActivityLog;
import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.errors.NotEnoughMemory;
import io.igw.engine.recommenders.UserVectors;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.stats.WorkspaceSize;
import io.igw.storage.stats.WorkspaceStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Predicts churn or purchase over the next {@code horizonDays} for every user (or for every user and category they
 * touched: a purchase in it, or no more activity in it), the job behind {@code igw predict} and the Predictions screen. The split is by time: the model learns from features as of {@code last - 2h} and what
 * happened in the next h days, and is tested on features as of {@code last - h} against the last h days, which it
 * never saw. A DL4J perceptron over all behaviour features (with autoencoder user vectors folded in from each
 * user's items before the cutoff, when an autoencoder has been trained) stands beside a logistic regression on
 * recency, frequency and purchases alone. Finally both score every user as of the end of the log, for the users
 * most at risk and for the audience builder's purchase propensity.
 */
public final class BehaviourPrediction implements Job<PredictionResult> {
    private static final double DAY = 86_400.0;
    static final int AT_RISK = 50;

    private final Workspace workspace;
    private final Outcome outcome;
    private final int horizonDays;
    private final long seed;
    private final boolean byCategory;
    private final ActivityLog preloaded;

    public BehaviourPrediction(Workspace workspace, Outcome outcome, int horizonDays, long seed) {
        this(workspace, outcome, horizonDays, seed, false);
    }

    /**
     * @param byCategory predict per user and category they touched (a purchase in it; for churn, no more activity
     *                   in it) rather than per user
     */
    public BehaviourPrediction(Workspace workspace, Outcome outcome, int horizonDays, long seed, boolean byCategory) {
        this(workspace, null, outcome, horizonDays, seed, byCategory);
    }

    /** Over a log already read (a report reads it once for all its sections), or null to read it. */
    public BehaviourPrediction(Workspace workspace, ActivityLog log, Outcome outcome, int horizonDays, long seed,
                               boolean byCategory) {
        if (horizonDays < 1 || horizonDays > 365) {
            throw new InvalidSetting("horizon_days", "must be from 1 to 365, not " + horizonDays);
        }
        this.workspace = workspace;
        this.outcome = outcome;
        this.horizonDays = horizonDays;
        this.seed = seed;
        this.byCategory = byCategory;
        this.preloaded = log;
    }

    /** The activity log it reads, and the ND4J classifier's working memory outside the heap. */
    public static MemoryNeed memoryNeed(WorkspaceSize size) {
        return ActivityLog.bytesToLoad(size).plusNative(MemoryNeed.ND4J_WORKING);
    }

    @Override
    public PredictionResult run(JobContext context) {
        long t0 = System.nanoTime();
        context.progress(0, "reading the behaviour log");
        if (preloaded == null) {
            NotEnoughMemory.check(outcome.name().toLowerCase(java.util.Locale.ROOT) + " prediction",
                    memoryNeed(new WorkspaceStats(workspace).size()));
        }
        ActivityLog log = preloaded != null ? preloaded : ActivityLog.load(workspace);
        if (outcome == Outcome.PURCHASE && !log.hasPurchases()) {
            throw new IllegalArgumentException("This log has no purchases (buy events), so there is no purchase to predict; "
                    + "churn can still be predicted.");
        }
        long horizon = horizonDays * 86_400L;
        long end = log.lastTime() + 1;
        long testCutoff = end - horizon;
        long trainCutoff = testCutoff - horizon;
        if (trainCutoff - log.firstTime() < horizon) {
            throw new InvalidSetting("horizon_days", String.format(Locale.ROOT, "is too long for this log: it covers %.0f days, and "
                    + "predicting %d days ahead needs at least %d (history, a training window and a test window of %d days each); "
                    + "try a shorter horizon",
                    (end - log.firstTime()) / DAY, horizonDays, 3 * horizonDays, horizonDays));
        }
        context.checkCancelled();
        context.progress(0.1, "computing behaviour features");
        Optional<UserVectors.Encoder> encoder = UserVectors.encoder(workspace);
        BehaviourFeatures.Rows train = rows(log, trainCutoff, encoder);
        BehaviourFeatures.Rows test = rows(log, testCutoff, encoder);
        boolean[] trainY = labels(log, train, trainCutoff, testCutoff);
        boolean[] testY = labels(log, test, testCutoff, end);
        if (train.users().length < 20 || count(trainY) == 0 || count(trainY) == trainY.length) {
            throw new IllegalArgumentException("Too few users, or no variety in what happened, to learn " + outcome.label()
                    + " " + horizonDays + " days ahead (" + train.users().length + " users, " + count(trainY) + " with "
                    + outcome.describe(horizonDays) + ").");
        }
        context.checkCancelled();
        context.progress(0.2, "fitting the baseline");
        LogisticRegression baseline = new LogisticRegression(byCategory ? BehaviourFeatures.PAIR_RFM : BehaviourFeatures.RFM);
        baseline.fit(train.x(), trainY);
        NeuralClassifier model = new NeuralClassifier(seed);
        model.fit(train.x(), trainY, context);
        context.progress(0.85, "testing on the last " + horizonDays + " days");
        float[] testScores = model.predict(test.x());
        ClassifierMetrics modelMetrics = ClassifierMetrics.of(testScores, testY);
        ClassifierMetrics baselineMetrics = ClassifierMetrics.of(baseline.predict(test.x()), testY);
        context.progress(0.9, "scoring every user as of the end of the log");
        BehaviourFeatures.Rows now = rows(log, end, encoder);
        float[] nowScores = model.predict(now.x());
        float[] nowBaseline = baseline.predict(now.x());
        long[] ids = Arrays.stream(now.users()).mapToLong(log::userId).toArray();
        List<PredictionResult.AtRisk> atRisk = atRisk(log, now, ids, nowScores, train, trainY, (end - log.firstTime()) / DAY);
        context.progress(1, String.format(Locale.ROOT, "AUC %.3f (baseline %.3f)", modelMetrics.auc(), baselineMetrics.auc()));
        return new PredictionResult(outcome, horizonDays, byCategory, seed, train.users().length, count(trainY), test.users().length,
                count(testY), model.epochs(), encoder.map(UserVectors.Encoder::source).orElse(null),
                modelMetrics, baselineMetrics, ids, nowScores, nowBaseline, atRisk, (long) testCutoff, (System.nanoTime() - t0) / 1e9);
    }

    private BehaviourFeatures.Rows rows(ActivityLog log, long cutoff, Optional<UserVectors.Encoder> encoder) {
        BehaviourFeatures.Rows users = BehaviourFeatures.of(log, cutoff, vectors(log, cutoff, encoder));
        return byCategory ? BehaviourFeatures.byCategory(log, cutoff, users) : users;
    }

    private boolean[] labels(ActivityLog log, BehaviourFeatures.Rows rows, long from, long to) {
        boolean[] y = new boolean[rows.users().length];
        for (int k = 0; k < y.length; k++) {
            y[k] = outcome.happened(log, rows.users()[k], rows.categories()[k], from, to);
        }
        return y;
    }

    private static float[][] vectors(ActivityLog log, long cutoff, Optional<UserVectors.Encoder> encoder) {
        if (encoder.isEmpty()) {
            return null;
        }
        float[][] out = new float[log.users()][];
        for (int u = 0; u < log.users(); u++) {
            int end = log.firstAtOrAfter(u, cutoff);
            if (end > log.start(u)) {
                int n = end - log.start(u);
                long[] items = new long[n];
                byte[] behaviours = new byte[n];
                long[] times = new long[n];
                for (int e = log.start(u); e < end; e++) {
                    items[e - log.start(u)] = log.facets().itemId(log.item(e));
                    behaviours[e - log.start(u)] = log.behaviour(e);
                    times[e - log.start(u)] = log.time(e);
                }
                out[u] = encoder.get().encode(items, behaviours, times);
            }
        }
        return out;
    }

    /**
     * The users most likely to churn (or buy) now, each with the three behaviour signals that most point that way:
     * features on which they stand furthest from the average, in the direction that went with the outcome in training.
     */
    private static List<PredictionResult.AtRisk> atRisk(ActivityLog log, BehaviourFeatures.Rows now, long[] ids, float[] scores,
                                                        BehaviourFeatures.Rows train, boolean[] trainY, double historyDays) {
        Standardiser scale = Standardiser.of(train.x());
        boolean pairs = now.byCategory();
        int named = BehaviourFeatures.BEHAVIOUR_COLUMNS + (pairs ? BehaviourFeatures.PAIR_COLUMNS : 0);
        double[] direction = new double[named];
        for (int c = 0; c < named; c++) {
            double withOutcome = 0;
            double without = 0;
            int n1 = 0;
            for (int k = 0; k < trainY.length; k++) {
                double z = scale.apply(train.x()[k][c], c);
                if (trainY[k]) {
                    withOutcome += z;
                    n1++;
                } else {
                    without += z;
                }
            }
            direction[c] = withOutcome / Math.max(1, n1) - without / Math.max(1, trainY.length - n1);
        }
        direction[16] = 0; // the last view is nearly always the last visit (column 0)
        direction[22] = 0; // "visits missed" says what column 23 (silence in usual gaps) says, in other words
        Integer[] order = new Integer[scores.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Long.compare(ids[a], ids[b]));
        List<PredictionResult.AtRisk> out = new ArrayList<>();
        for (int r = 0; r < Math.min(AT_RISK, order.length); r++) {
            int k = order[r];
            float[] x = now.x()[k];
            Integer[] signals = new Integer[named];
            double[] push = new double[named];
            for (int c = 0; c < named; c++) {
                signals[c] = c;
                push[c] = scale.apply(x[c], c) * direction[c];
            }
            Arrays.sort(signals, (a, b) -> Double.compare(push[b], push[a]));
            List<String> reasons = new ArrayList<>();
            for (int s = 0; s < 3 && push[signals[s]] > 0; s++) {
                reasons.add(describe(signals[s], x[signals[s]], historyDays));
            }
            String category = pairs ? log.facets().label(now.categories()[k]) : null;
            out.add(new PredictionResult.AtRisk(ids[k], category, scores[k], List.copyOf(reasons)));
        }
        return List.copyOf(out);
    }

    /** A feature's value as a person would say it (counts are stored as log(1 + n)). */
    static String describe(int column, float value, double historyDays) {
        double n = Math.expm1(value);
        String[] behaviours = {"views", "favourites", "carts", "purchases", "ratings"};
        String[] last = {"view", "favourite", "cart", "purchase", "rating"};
        return switch (column) {
            case 0 -> String.format(Locale.ROOT, "last visit %.0f days ago", value);
            case 1 -> String.format(Locale.ROOT, "first visit %.0f days ago", value);
            case 2 -> String.format(Locale.ROOT, "%.0f sessions in all", n);
            case 3 -> String.format(Locale.ROOT, "active on %.0f days", n);
            case 4 -> String.format(Locale.ROOT, "%.0f sessions in the last 7 days", value);
            case 5 -> String.format(Locale.ROOT, "%.0f sessions in the last 14 days", value);
            case 6 -> String.format(Locale.ROOT, "%.1f events per session", n);
            case 7 -> String.format(Locale.ROOT, "%.0f minutes per session", n);
            case 8 -> String.format(Locale.ROOT, "%.1f days between sessions", value);
            case 9 -> String.format(Locale.ROOT, "%.0f categories browsed", n);
            case 10 -> String.format(Locale.ROOT, "category spread %.2f", value);
            case 11, 12, 13, 14, 15 -> String.format(Locale.ROOT, "%.0f %s", n, behaviours[column - 11]);
            case 16, 17, 18, 19, 20 -> value >= historyDays - 1e-3 ? "no " + last[column - 16] + " yet"
                    : String.format(Locale.ROOT, "last %s %.0f days ago", last[column - 16], value);
            case 21 -> String.format(Locale.ROOT, "%.2f purchases per view", value);
            case 22 -> String.format(Locale.ROOT, "%.1f visits missed since the last, at their usual pace", value);
            case 23 -> String.format(Locale.ROOT, "quiet for %.0f times their usual gap between visits", n);
            case 24 -> String.format(Locale.ROOT, "%.0f%% of their sessions in the category", 100 * value);
            case 25 -> String.format(Locale.ROOT, "%.0f events in the category", n);
            case 26 -> String.format(Locale.ROOT, "%.0f purchases in the category", n);
            case 27 -> String.format(Locale.ROOT, "last in the category %.0f days ago", value);
            default -> String.format(Locale.ROOT, "user vector %d: %.2f", column - BehaviourFeatures.BEHAVIOUR_COLUMNS, value);
        };
    }

    private static int count(boolean[] y) {
        int n = 0;
        for (boolean b : y) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
