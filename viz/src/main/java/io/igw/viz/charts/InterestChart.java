package io.igw.viz.charts;

import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** A node's interests as horizontal bars: each interest's share (0–100%), strongest at the top. */
public final class InterestChart {
    private InterestChart() {
    }

    /** @param shares label → share in 0..1, strongest first */
    public static JFreeChart create(String title, Map<String, Double> shares) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        shares.forEach((label, share) -> data.addValue(100 * share, "share", label.length() > 28 ? label.substring(0, 27) + "…" : label));
        CategoryAxis labels = new CategoryAxis();
        labels.setTickLabelFont(ChartStyle.LABEL);
        labels.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis percent = new NumberAxis("share of interest (%)");
        percent.setTickLabelFont(ChartStyle.LABEL);
        percent.setRange(0, Math.min(100, Math.max(10, shares.values().stream().mapToDouble(d -> d * 100).max().orElse(10) * 1.15)));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.ACCENT);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return String.format(Locale.ROOT, "%.0f%%", dataset.getValue(row, column).doubleValue());
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        return ChartStyle.horizontalBars(title, data, labels, percent, renderer);
    }
}
