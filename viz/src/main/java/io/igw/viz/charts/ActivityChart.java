package io.igw.viz.charts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Events per day, as bars over a date axis. */
public final class ActivityChart {
    private ActivityChart() {
    }

    public static JFreeChart create(String title, Map<LocalDate, Long> perDay) {
        TimeSeries series = new TimeSeries("events");
        perDay.forEach((day, n) -> series.add(new Day(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()),
                java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT), n));
        DateAxis time = new DateAxis();
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        time.setTickLabelFont(ChartStyle.LABEL);
        NumberAxis count = new NumberAxis("events per day");
        count.setTickLabelFont(ChartStyle.LABEL);
        XYBarRenderer renderer = new XYBarRenderer(0.15);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.ACCENT);
        XYPlot plot = new XYPlot(new TimeSeriesCollection(series, java.util.TimeZone.getTimeZone("UTC")), time, count, renderer);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        ChartStyle.apply(chart);
        return chart;
    }
}
