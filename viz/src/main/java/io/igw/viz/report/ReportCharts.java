package io.igw.viz.report;

import io.igw.engine.report.ReportContent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a report's charts as PNG: bars and lines with JFreeChart in the workbench's style, and the community
 * graph with Java2D. Drawn at twice the size they are shown, so they stay sharp in print and on dense screens.
 */
public final class ReportCharts {
    /** How big a chart is shown (CSS pixels, PDF points); it is drawn at {@link #SCALE} times this. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 320;
    static final int SCALE = 2;
    private static final Color[] PALETTE = {new Color(0x0969DA), new Color(0x8C959F), new Color(0x1A7F37), new Color(0xBF8700),
        new Color(0xCF222E), new Color(0x8250DF), new Color(0x1B7C83), new Color(0xBC4C00)};

    private ReportCharts() {
    }

    public static byte[] png(ReportContent.Part part) {
        BufferedImage image;
        if (part instanceof ReportContent.Bars b) {
            image = draw(bars(b));
        } else if (part instanceof ReportContent.Lines l) {
            image = draw(lines(l));
        } else if (part instanceof ReportContent.GraphPicture g) {
            image = graph(g);
        } else {
            throw new IllegalArgumentException("not a chart: " + part.getClass().getSimpleName());
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String title(ReportContent.Part part) {
        if (part instanceof ReportContent.Bars b) {
            return b.title();
        }
        if (part instanceof ReportContent.Lines l) {
            return l.title();
        }
        return part instanceof ReportContent.GraphPicture g ? g.title() : "";
    }

    private static BufferedImage draw(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.scale(SCALE, SCALE);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.dispose();
        return image;
    }

    private static JFreeChart bars(ReportContent.Bars b) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportContent.Series s : b.series()) {
            for (int i = 0; i < b.labels().size(); i++) {
                data.addValue(s.y()[i], s.name(), b.labels().get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(b.title(), null, b.valueAxis(), data, PlotOrientation.VERTICAL,
                b.series().size() > 1, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        org.jfree.chart.renderer.category.BarRenderer r = (org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer();
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        r.setShadowVisible(false);
        for (int s = 0; s < b.series().size(); s++) {
            r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        return chart;
    }

    private static JFreeChart lines(ReportContent.Lines l) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ReportContent.Series s : l.series()) {
            XYSeries series = new XYSeries(s.name(), false);
            for (int i = 0; i < s.x().length; i++) {
                series.add(s.x()[i], s.y()[i]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(l.title(), l.xAxis(), l.yAxis(), data, PlotOrientation.VERTICAL,
                l.series().size() > 1, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        if (l.xAxis().equals("day")) {
            plot.setDomainAxis(new DateAxis("day"));
        }
        for (int s = 0; s < l.series().size(); s++) {
            plot.getRenderer().setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            plot.getRenderer().setSeriesStroke(s, new BasicStroke(2f));
        }
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getPlot().setOutlineVisible(false);
        if (chart.getPlot() instanceof XYPlot p) {
            p.setRangeGridlinePaint(new Color(0xD0D7DE));
            p.setDomainGridlinePaint(new Color(0xD0D7DE));
        } else if (chart.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(new Color(0xD0D7DE));
        }
    }

    /** Nodes at their laid-out positions, fitted into the picture, sized by weight and coloured by group. */
    private static BufferedImage graph(ReportContent.GraphPicture picture) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(SCALE, SCALE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0x24292F));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(picture.title(), 12, 20);
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double maxW = 1e-9;
        for (ReportContent.Node n : picture.nodes()) {
            minX = Math.min(minX, n.x());
            maxX = Math.max(maxX, n.x());
            minY = Math.min(minY, n.y());
            maxY = Math.max(maxY, n.y());
            maxW = Math.max(maxW, n.weight());
        }
        double left = 40;
        double top = 40;
        double w = WIDTH - 230; // labels go to the right of their nodes
        double h = HEIGHT - 70;
        double sx = maxX > minX ? w / (maxX - minX) : 0;
        double sy = maxY > minY ? h / (maxY - minY) : 0;
        double[] px = new double[picture.nodes().size()];
        double[] py = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            ReportContent.Node n = picture.nodes().get(i);
            px[i] = left + (sx == 0 ? w / 2 : (n.x() - minX) * sx);
            py[i] = top + (sy == 0 ? h / 2 : (n.y() - minY) * sy);
        }
        g.setStroke(new BasicStroke(0.8f));
        g.setColor(new Color(0xC8CED6));
        for (int[] e : picture.edges()) {
            g.draw(new Line2D.Double(px[e[0]], py[e[0]], px[e[1]], py[e[1]]));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int i = 0; i < px.length; i++) {
            ReportContent.Node n = picture.nodes().get(i);
            double r = 4 + 14 * Math.sqrt(Math.max(0, n.weight()) / maxW);
            g.setColor(PALETTE[Math.floorMod(n.group(), PALETTE.length)]);
            g.fill(new Ellipse2D.Double(px[i] - r, py[i] - r, 2 * r, 2 * r));
            g.setColor(new Color(0x24292F));
            String label = n.label().length() > 28 ? n.label().substring(0, 27) + "…" : n.label();
            g.drawString(label, (float) (px[i] + r + 2), (float) (py[i] + 4));
        }
        g.dispose();
        return image;
    }
}
