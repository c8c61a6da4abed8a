package io.igw.viz.charts;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Models side by side: one group of bars per model, one bar per metric (Recall@K, NDCG@K...). */
public final class ModelComparisonChart {
    private static final Color[] PALETTE = {ChartStyle.ACCENT, new Color(0x1A7F37), new Color(0xBF8700), new Color(0x8250DF)};

    private ModelComparisonChart() {
    }

    /** @param figures model → (metric → value), in the order to show; @param metrics the metrics to draw */
    public static JFreeChart create(String title, Map<String, Map<String, Double>> figures, List<String> metrics) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        figures.forEach((model, values) -> {
            for (String metric : metrics) {
                Double v = values.get(metric);
                if (v != null) {
                    data.addValue(v, metric, model);
                }
            }
        });
        CategoryAxis models = new CategoryAxis();
        models.setTickLabelFont(ChartStyle.LABEL);
        NumberAxis values = new NumberAxis();
        values.setTickLabelFont(ChartStyle.LABEL);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int s = 0; s < metrics.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return String.format(Locale.ROOT, "%.3f", dataset.getValue(row, column).doubleValue());
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        values.setUpperMargin(0.15);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        JFreeChart chart = ChartStyle.horizontalBars(title, data, models, values, renderer);
        chart.addLegend(new org.jfree.chart.title.LegendTitle(chart.getPlot()));
        return chart;
    }
}
