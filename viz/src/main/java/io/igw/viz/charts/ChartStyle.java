package io.igw.viz.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/** One look for every chart in the workbench: flat, light, the theme's accent colour. */
final class ChartStyle {
    static final Color ACCENT = new Color(0x0969DA);
    static final Color GRID = new Color(0xD0D7DE);
    static final Color TEXT = new Color(0x24292F);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
            chart.getTitle().setPaint(TEXT);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
    }

    /** A horizontal bar chart in the workbench's style, from its parts. */
    static JFreeChart horizontalBars(String title, org.jfree.data.category.CategoryDataset data,
                                     org.jfree.chart.axis.CategoryAxis categories, org.jfree.chart.axis.NumberAxis values,
                                     org.jfree.chart.renderer.category.BarRenderer renderer) {
        org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(gridStroke());
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        apply(chart);
        return chart;
    }

    /** A line chart of XY series in the workbench's style: one colour per series, the first solid, later ones as given. */
    static JFreeChart lines(String title, String xLabel, String yLabel, org.jfree.data.xy.XYSeriesCollection data,
                            Color[] colours, boolean[] dashed, boolean legend) {
        org.jfree.chart.axis.NumberAxis x = new org.jfree.chart.axis.NumberAxis(xLabel);
        x.setTickLabelFont(LABEL);
        org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis(yLabel);
        y.setTickLabelFont(LABEL);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < colours.length; s++) {
            r.setSeriesPaint(s, colours[s]);
            r.setSeriesStroke(s, dashed[s] ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{5f, 4f}, 0f) : new BasicStroke(2f));
        }
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, x, y, r);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        apply(chart);
        return chart;
    }

    static BasicStroke gridStroke() {
        return new BasicStroke(0.6f);
    }
}
