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

    static BasicStroke gridStroke() {
        return new BasicStroke(0.6f);
    }
}
