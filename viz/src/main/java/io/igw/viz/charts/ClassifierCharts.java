package io.igw.viz.charts;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How a prediction tested, beside its baseline: the ROC curve (true against false positive rate) and the
 * cumulative gain by decile (share of all positives found in the top x% of users), each with chance as a dashed
 * diagonal. Call its methods on the thread that shows them.
 */
public final class ClassifierCharts {
    private static final Color BASELINE = new Color(0x8C959F);
    private static final Color CHANCE = new Color(0xD0D7DE);

    private final XYSeries rocModel = new XYSeries("model", false);
    private final XYSeries rocBaseline = new XYSeries("baseline", false);
    private final XYSeries gainModel = new XYSeries("model", false);
    private final XYSeries gainBaseline = new XYSeries("baseline", false);
    private final JFreeChart roc;
    private final JFreeChart gain;

    public ClassifierCharts() {
        roc = ChartStyle.lines("ROC", "false positive rate", "true positive rate", collection(rocModel, rocBaseline),
                new Color[]{ChartStyle.ACCENT, BASELINE, CHANCE}, new boolean[]{false, false, true}, true);
        gain = ChartStyle.lines("Cumulative gain", "share of users, best scored first", "share of positives found",
                collection(gainModel, gainBaseline), new Color[]{ChartStyle.ACCENT, BASELINE, CHANCE},
                new boolean[]{false, false, true}, true);
    }

    private static XYSeriesCollection collection(XYSeries model, XYSeries baseline) {
        XYSeries chance = new XYSeries("chance");
        chance.add(0, 0);
        chance.add(1, 1);
        XYSeriesCollection c = new XYSeriesCollection(model);
        c.addSeries(baseline);
        c.addSeries(chance);
        return c;
    }

    public JFreeChart roc() {
        return roc;
    }

    public JFreeChart gain() {
        return gain;
    }

    /**
     * @param modelRoc      (false positive rate, true positive rate) points of the model
     * @param modelGain     the model's cumulative gain after each decile (ten values)
     */
    public void show(String modelName, double modelAuc, double baselineAuc, List<double[]> modelRoc,
                     List<double[]> baselineRoc, float[] modelGain, float[] baselineGain) {
        fill(rocModel, modelRoc);
        fill(rocBaseline, baselineRoc);
        rocModel.setKey(String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", modelName, modelAuc));
        rocBaseline.setKey(String.format(java.util.Locale.ROOT, "baseline (AUC %.3f)", baselineAuc));
        gainModel.clear();
        gainBaseline.clear();
        gainModel.add(0, 0);
        gainBaseline.add(0, 0);
        for (int d = 0; d < modelGain.length; d++) {
            gainModel.add((d + 1) / 10.0, modelGain[d]);
            gainBaseline.add((d + 1) / 10.0, baselineGain[d]);
        }
    }

    public int rocPoints() {
        return rocModel.getItemCount();
    }

    private static void fill(XYSeries series, List<double[]> points) {
        series.clear();
        for (double[] p : points) {
            series.add(p[0], p[1]);
        }
    }
}
