package io.igw.viz.charts;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scaling curve: the test NDCG@10 of each size of the sequence model against its parameter count
 * (log scale), each point labelled with its size and seconds per epoch. Does a bigger model help on this data?
 */
public final class ScalingCurveChart {
    /** One size as measured. */
    public record Point(String size, long parameters, double ndcg10, double secondsPerEpoch) {
    }

    private ScalingCurveChart() {
    }

    public static JFreeChart create(String title, List<Point> points) {
        XYSeries ndcg = new XYSeries("NDCG@10", false);
        for (Point p : points) {
            ndcg.add(p.parameters(), p.ndcg10());
        }
        JFreeChart chart = ChartStyle.lines(title, "parameters", "NDCG@10 (leave-last, full ranking)",
                new XYSeriesCollection(ndcg), new Color[]{ChartStyle.ACCENT}, new boolean[]{false}, false);
        XYPlot plot = (XYPlot) chart.getPlot();
        LogAxis x = new LogAxis("parameters (log scale)");
        x.setTickLabelFont(ChartStyle.LABEL);
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        plot.setDomainAxis(x);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesShapesVisible(0, true);
        for (Point p : points) {
            XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%s · %.1f s/epoch", p.size(),
                    p.secondsPerEpoch()), p.parameters(), p.ndcg10());
            label.setFont(ChartStyle.LABEL);
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(label);
        }
        return chart;
    }
}
