package io.igw.viz.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A training run as it happens: the mean training loss per epoch (left axis) and the validation NDCG (right axis).
 * Epochs are added as they finish; call {@link #add} and {@link #clear} on the thread that shows the chart.
 */
public final class TrainingCurveChart {
    private static final Color NDCG = new Color(0x1A7F37);

    private final XYSeries loss = new XYSeries("training loss");
    private final XYSeries ndcg = new XYSeries("validation NDCG@20");
    private final JFreeChart chart;

    public TrainingCurveChart() {
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setTickLabelFont(ChartStyle.LABEL);
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(false);
        lossAxis.setTickLabelFont(ChartStyle.LABEL);
        NumberAxis ndcgAxis = new NumberAxis("validation NDCG@20");
        ndcgAxis.setAutoRangeIncludesZero(false);
        ndcgAxis.setTickLabelFont(ChartStyle.LABEL);
        XYPlot plot = new XYPlot(new XYSeriesCollection(loss), epochs, lossAxis, line(ChartStyle.ACCENT));
        plot.setRangeAxis(1, ndcgAxis);
        plot.setDataset(1, new XYSeriesCollection(ndcg));
        plot.setRenderer(1, line(NDCG));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlinesVisible(false);
        chart = new JFreeChart("Training curve", ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart);
    }

    private static XYLineAndShapeRenderer line(Color colour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        return r;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** One finished epoch; a NaN loss or NDCG (a model that does not report it) is left out. */
    public void add(int epoch, double epochLoss, double validationNdcg) {
        if (!Double.isNaN(epochLoss)) {
            loss.add(epoch, epochLoss);
        }
        if (!Double.isNaN(validationNdcg)) {
            ndcg.add(epoch, validationNdcg);
        }
    }

    /** Names whose curve this is, keeping the title's style. */
    public void title(String text) {
        chart.getTitle().setText(text);
    }

    public void clear() {
        loss.clear();
        ndcg.clear();
    }

    public int epochs() {
        return Math.max(loss.getItemCount(), ndcg.getItemCount());
    }
}
