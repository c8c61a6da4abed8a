package io.igw.engine.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well scores rank and are calibrated against what happened: ROC AUC (ties counted half), PR-AUC (average
 * precision), gain and lift by decile (users sorted by score, best first), calibration in ten equal-width bins, and
 * the ROC curve itself for charts.
 */
public record ClassifierMetrics(double auc, double prAuc, double baseRate, List<Decile> deciles,
                                List<CalibrationBin> calibration, List<double[]> roc) {
    /** One tenth of users by score: how many, how many positive, their rate, its lift over the base rate, and the share of all positives found so far. */
    public record Decile(int decile, int users, int positives, double rate, double lift, double cumulativeGain) {
    }

    /** Users whose predicted probability fell in {@code [from, to)}: how many, the mean prediction, and the observed rate. */
    public record CalibrationBin(double from, double to, int users, double meanPredicted, double observedRate) {
    }

    public static ClassifierMetrics of(float[] scores, boolean[] labels) {
        int n = scores.length;
        if (n == 0) {
            throw new IllegalArgumentException("no users to measure");
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -scores[k]).thenComparingInt(k -> k));
        int positives = 0;
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        int negatives = n - positives;
        double baseRate = (double) positives / n;
        // AUC and the ROC curve, walking down the scores a tie-group at a time
        double auc = 0;
        double ap = 0;
        int tp = 0;
        int fp = 0;
        List<double[]> roc = new ArrayList<>();
        roc.add(new double[]{0, 0});
        for (int k = 0; k < n; ) {
            int groupTp = 0;
            int groupFp = 0;
            int j = k;
            while (j < n && scores[order[j]] == scores[order[k]]) {
                if (labels[order[j]]) {
                    groupTp++;
                } else {
                    groupFp++;
                }
                j++;
            }
            auc += groupFp * (tp + groupTp / 2.0);
            tp += groupTp;
            fp += groupFp;
            if (groupTp > 0) {
                ap += groupTp * ((double) tp / (tp + fp));
            }
            roc.add(new double[]{negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives});
            k = j;
        }
        auc = positives == 0 || negatives == 0 ? Double.NaN : auc / ((double) positives * negatives);
        double prAuc = positives == 0 ? Double.NaN : ap / positives;
        List<Decile> deciles = new ArrayList<>();
        int found = 0;
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            int pos = 0;
            for (int k = from; k < to; k++) {
                pos += labels[order[k]] ? 1 : 0;
            }
            found += pos;
            double rate = to > from ? (double) pos / (to - from) : 0;
            deciles.add(new Decile(d + 1, to - from, pos, rate, baseRate == 0 ? 0 : rate / baseRate,
                    positives == 0 ? 0 : (double) found / positives));
        }
        List<CalibrationBin> calibration = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double lo = b / 10.0;
            double hi = (b + 1) / 10.0;
            int count = 0;
            double predicted = 0;
            int observed = 0;
            for (int k = 0; k < n; k++) {
                if (scores[k] >= lo && (scores[k] < hi || (b == 9 && scores[k] <= 1))) {
                    count++;
                    predicted += scores[k];
                    observed += labels[k] ? 1 : 0;
                }
            }
            calibration.add(new CalibrationBin(lo, hi, count, count == 0 ? Double.NaN : predicted / count,
                    count == 0 ? Double.NaN : (double) observed / count));
        }
        return new ClassifierMetrics(auc, prAuc, baseRate, List.copyOf(deciles), List.copyOf(calibration), thin(roc, 200));
    }

    /** The share of all positives found after each decile (for gain charts). */
    public float[] cumulativeGains() {
        float[] g = new float[deciles.size()];
        for (int d = 0; d < g.length; d++) {
            g[d] = (float) deciles.get(d).cumulativeGain();
        }
        return g;
    }

    public double liftTopDecile() {
        return deciles.get(0).lift();
    }

    private static List<double[]> thin(List<double[]> points, int max) {
        if (points.size() <= max) {
            return List.copyOf(points);
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < max; k++) {
            out.add(points.get((int) ((long) k * (points.size() - 1) / (max - 1))));
        }
        return List.copyOf(out);
    }
}
