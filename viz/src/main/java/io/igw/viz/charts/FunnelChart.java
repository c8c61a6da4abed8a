package io.igw.viz.charts;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The behaviour funnel: events per stage (view → fav → cart → buy, then rate), each bar labelled with its count and
 * its share of the views.
 */
public final class FunnelChart {
    private FunnelChart() {
    }

    /** @param stages stage label → events, in funnel order */
    public static JFreeChart create(String title, Map<String, Long> stages) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long top = stages.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Map<String, String> labels = new LinkedHashMap<>();
        NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
        stages.forEach((stage, n) -> {
            data.addValue(n, "events", stage);
            String share = top == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * n / top);
            labels.put(stage, counts.format(n) + share);
        });
        CategoryAxis stageAxis = new CategoryAxis();
        stageAxis.setTickLabelFont(ChartStyle.LABEL);
        NumberAxis countAxis = new NumberAxis("events");
        countAxis.setTickLabelFont(ChartStyle.LABEL);
        countAxis.setUpperMargin(0.35);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.ACCENT);
        renderer.setMaximumBarWidth(0.16);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return labels.get((String) dataset.getColumnKey(column));
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        return ChartStyle.horizontalBars(title, data, stageAxis, countAxis, renderer);
    }
}
