package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.generate.TitleTruth;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.titles.ClickModel;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Does the click model recover what generated titles were planted to do? Learns it from the workspace and ranks its
 * (category, word) effects against {@code title_effects.csv}'s (Spearman), with its held-out calibration.
 */
public final class TitleEffectsBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final Path truthFile;

    public TitleEffectsBenchmark(Workspace workspace, Path truthFile) {
        this.workspace = workspace;
        this.truthFile = truthFile;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        TitleTruth truth = TitleUpliftBenchmark.truth(truthFile);
        context.progress(0.05, "learning the click model");
        long t0 = System.nanoTime();
        ClickModel model = ClickModel.learn(workspace);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<double[]> pairs = new ArrayList<>();
        int planted = 0;
        double covered = 0;
        for (Map.Entry<Long, Map<String, Double>> leaf : truth.effects().entrySet()) {
            for (Map.Entry<String, Double> word : leaf.getValue().entrySet()) {
                planted++;
                ClickModel.WordEffect learned = model.effect(leaf.getKey(), word.getKey());
                if (learned != null) {
                    pairs.add(new double[]{word.getValue(), learned.effect()});
                    double z = Math.abs(learned.effect() - word.getValue()) / Math.max(1e-9, learned.standardError());
                    covered += z <= 1.96 ? 1 : 0;
                }
            }
        }
        if (pairs.size() < 3) {
            throw new InvalidSetting("truth", "the planted words are not in this workspace's titles: is it the generated data?");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("planted_words", planted);
        out.put("learned_words", pairs.size());
        out.put("spearman", spearman(pairs));
        out.put("interval_coverage_95", covered / pairs.size());
        ClickModel.Calibration c = model.calibration();
        if (c != null) {
            out.put("expected_calibration_error", c.expectedCalibrationError());
            out.put("observed_over_predicted", c.observedOverPredicted());
            out.put("held_out_items", c.heldOutItems());
            List<Map<String, Double>> bins = new ArrayList<>();
            for (double[] b : c.bins()) {
                bins.add(Map.of("predicted", b[0], "observed", b[1], "views", b[3]));
            }
            out.put("calibration_bins", bins);
        }
        out.put("features", model.features());
        out.put("seconds", seconds);
        return out;
    }

    /** Spearman's rank correlation of each pair's first and second value. */
    public static double spearman(List<double[]> pairs) {
        double[] x = ranks(pairs, 0);
        double[] y = ranks(pairs, 1);
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Ranks from 0, ties sharing their mean rank. */
    private static double[] ranks(List<double[]> pairs, int c) {
        Integer[] order = new Integer[pairs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pairs.get(i)[c]));
        double[] r = new double[order.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && pairs.get(order[j + 1])[c] == pairs.get(order[i])[c]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return r;
    }
}
