package io.igw.viz.report;

import io.igw.engine.report.ReportContent;
import io.igw.storage.OutputFile;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A report as an A4 PDF (PDFBox): the title, then each section with its paragraphs, tables (wrapped cells, the
 * header repeated on every page a table runs onto) and charts (PNG drawn at twice their printed size).
 */
public final class PdfReport {
    private static final float MARGIN = 50;
    private static final Color TEXT = new Color(0x24292F);
    private static final Color MUTED = new Color(0x57606A);
    private static final Color RULE = new Color(0xD0D7DE);
    private static final Color HEADER = new Color(0xF6F8FA);

    private final PDDocument doc;
    private final PdfText text;
    private final float width;
    private PDPageContentStream cs;
    private float y;

    private PdfReport(PDDocument doc) throws IOException {
        this.doc = doc;
        this.text = new PdfText(doc);
        this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Writes the report; returns its number of pages. */
    public static int write(ReportContent report, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfReport pdf = new PdfReport(doc);
            pdf.render(report);
            OutputFile.bytes(file, doc::save);
            return doc.getNumberOfPages();
        }
    }

    /** Renders a PDF's pages as images at {@code dpi} (a preview of what will print). */
    public static List<java.awt.image.BufferedImage> pages(Path pdf, float dpi) throws IOException {
        List<java.awt.image.BufferedImage> out = new ArrayList<>();
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                out.add(renderer.renderImageWithDPI(p, dpi));
            }
        }
        return out;
    }

    private void render(ReportContent report) throws IOException {
        newPage();
        paragraph(report.title(), 20, true, TEXT);
        paragraph("Workspace " + report.workspace() + " · generated " + HtmlReport.WHEN.format(report.generatedAt()), 9, false, MUTED);
        for (ReportContent.Section s : report.sections()) {
            if (y - MARGIN < 160) {
                newPage();
            }
            y -= 14;
            paragraph(s.title(), 15, true, TEXT);
            rule();
            for (ReportContent.Part p : s.parts()) {
                if (p instanceof ReportContent.Paragraph para) {
                    paragraph(para.text(), 10, false, TEXT);
                } else if (p instanceof ReportContent.Table t) {
                    table(t);
                } else {
                    chart(p);
                }
            }
        }
        cs.close();
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void paragraph(String content, float size, boolean strong, Color colour) throws IOException {
        for (String line : text.wrap(content, size, strong, width)) {
            if (y - size * 1.4f < MARGIN) {
                newPage();
            }
            y -= size * 1.4f;
            text.show(cs, line, MARGIN, y, size, strong, colour);
        }
        y -= size * 0.5f;
    }

    private void rule() throws IOException {
        cs.setStrokingColor(RULE);
        cs.moveTo(MARGIN, y);
        cs.lineTo(MARGIN + width, y);
        cs.stroke();
        y -= 8;
    }

    private void table(ReportContent.Table t) throws IOException {
        float size = 8;
        float lineHeight = size * 1.35f;
        paragraph(t.caption(), 10, true, TEXT);
        int columns = t.headers().size();
        float[] widths = columnWidths(t, size);
        List<List<String>> header = cells(t.headers(), widths, size, true);
        drawRow(header, widths, size, lineHeight, true);
        List<List<String>> rows = t.rows().isEmpty() ? List.of(List.of("None.")) : t.rows();
        for (List<String> row : rows) {
            List<String> padded = new ArrayList<>(row);
            while (padded.size() < columns) {
                padded.add("");
            }
            List<List<String>> wrapped = cells(padded, widths, size, false);
            int lines = wrapped.stream().mapToInt(List::size).max().orElse(1);
            if (y - lines * lineHeight - 4 < MARGIN) {
                newPage();
                drawRow(header, widths, size, lineHeight, true);
            }
            drawRow(wrapped, widths, size, lineHeight, false);
        }
        y -= 10;
    }

    /**
     * Column widths: narrow columns (numbers, short codes) keep their natural width so that they never wrap; the
     * rest of the page is shared among the wide ones in proportion to their longest text (bounded).
     */
    private float[] columnWidths(ReportContent.Table t, float size) throws IOException {
        int n = t.headers().size();
        float[] want = new float[n];
        for (int c = 0; c < n; c++) {
            want[c] = text.width(t.headers().get(c), size, true) + 8;
            for (List<String> row : t.rows()) {
                if (c < row.size()) {
                    want[c] = Math.max(want[c], text.width(row.get(c), size, false) + 8);
                }
            }
        }
        float narrow = 0;
        float wide = 0;
        for (float w : want) {
            if (w <= NARROW) {
                narrow += w;
            } else {
                wide += Math.min(w, 260);
            }
        }
        float[] out = new float[n];
        float scaleWide = wide == 0 ? 1 : Math.max(0, width - narrow) / wide;
        float scaleAll = narrow + wide > width && wide == 0 ? width / narrow : 1;
        for (int c = 0; c < n; c++) {
            out[c] = want[c] <= NARROW ? want[c] * scaleAll : Math.min(want[c], 260) * scaleWide;
        }
        return out;
    }

    private static final float NARROW = 70;

    private List<List<String>> cells(List<String> row, float[] widths, float size, boolean strong) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            out.add(text.wrap(c < row.size() ? row.get(c) : "", size, strong, widths[c] - 6));
        }
        return out;
    }

    private void drawRow(List<List<String>> cells, float[] widths, float size, float lineHeight, boolean header) throws IOException {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        float height = lines * lineHeight + 4;
        if (header) {
            cs.setNonStrokingColor(HEADER);
            cs.addRect(MARGIN, y - height, width, height);
            cs.fill();
        }
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            float ty = y - size - 2;
            for (String line : cells.get(c)) {
                text.show(cs, line, x + 3, ty, size, header, TEXT);
                ty -= lineHeight;
            }
            x += widths[c];
        }
        cs.setStrokingColor(RULE);
        cs.moveTo(MARGIN, y - height);
        cs.lineTo(MARGIN + width, y - height);
        cs.stroke();
        y -= height;
    }

    private void chart(ReportContent.Part p) throws IOException {
        float h = width * ReportCharts.HEIGHT / ReportCharts.WIDTH;
        if (y - h - 10 < MARGIN) {
            newPage();
        }
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, ReportCharts.png(p), ReportCharts.title(p));
        y -= h + 6;
        cs.drawImage(image, MARGIN, y, width, h);
        y -= 10;
    }
}
