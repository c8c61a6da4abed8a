package io.igw.app.ui.kit;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Chart viewers as every screen shows them: JFreeChart's own menu (right click: zoom, "Export As" PNG or JPEG)
 * plus "Copy as PNG", which puts the chart on the clipboard at twice its size on screen.
 */
public final class ChartViewers {
    private ChartViewers() {
    }

    public static ChartViewer create() {
        return withCopy(new ChartViewer());
    }

    public static ChartViewer create(JFreeChart chart) {
        return withCopy(new ChartViewer(chart));
    }

    private static ChartViewer withCopy(ChartViewer viewer) {
        MenuItem copy = new MenuItem("Copy as PNG");
        copy.setOnAction(e -> copy(viewer));
        viewer.getContextMenu().getItems().addAll(new SeparatorMenuItem(), copy);
        return viewer;
    }

    /** Puts the chart on the clipboard as an image; returns whether there was a chart to copy. */
    public static boolean copy(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        if (chart == null) {
            return false;
        }
        int w = (int) Math.max(320, viewer.getWidth());
        int h = (int) Math.max(200, viewer.getHeight());
        BufferedImage image = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.scale(2, 2);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(image, null));
        Clipboard.getSystemClipboard().setContent(content);
        return true;
    }
}
