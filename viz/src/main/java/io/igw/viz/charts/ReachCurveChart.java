package io.igw.viz.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * An audience's reach curve: how many users each score threshold keeps, with a marker at the threshold chosen now.
 * Call its methods on the thread that shows it.
 */
public final class ReachCurveChart {
    private final XYSeries reach = new XYSeries("users reached", false);
    private final JFreeChart chart;
    private final ValueMarker marker = new ValueMarker(0, new Color(0xCF222E), new BasicStroke(1.5f));

    public ReachCurveChart() {
        chart = ChartStyle.lines("Reach by score threshold", "score threshold", "users reached",
                new XYSeriesCollection(reach), new Color[]{ChartStyle.ACCENT}, new boolean[]{false}, false);
        ((XYPlot) chart.getPlot()).addDomainMarker(marker);
        ((XYPlot) chart.getPlot()).getDomainAxis().setRange(0, 1);
        marker.setLabelFont(ChartStyle.LABEL);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The curve: pairs of (threshold, users). */
    public void show(List<double[]> points) {
        reach.clear();
        for (double[] p : points) {
            reach.add(p[0], p[1]);
        }
    }

    /** Where the chosen threshold sits, labelled with the users it reaches. */
    public void mark(double threshold, int users) {
        marker.setValue(threshold);
        marker.setLabel(String.format(java.util.Locale.ROOT, "%,d users", users));
        marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
    }

    public int points() {
        return reach.getItemCount();
    }
}
