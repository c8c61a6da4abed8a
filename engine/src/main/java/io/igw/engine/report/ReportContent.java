package io.igw.engine.report;

import java.time.Instant;
import java.util.List;

/**
 * What a report says, independent of how it is written (HTML, PDF, CSV): sections of paragraphs, tables and the
 * data of charts. Everything here that came from the data is plain text; writers escape it as their format needs.
 */
public record ReportContent(String title, String workspace, Instant generatedAt, List<Section> sections) {
    /** One section: its kind, its title, and its parts in order. */
    public record Section(ReportSection kind, String title, List<Part> parts) {
    }

    /** A piece of a section. */
    public sealed interface Part permits Paragraph, Table, Bars, Lines, GraphPicture {
    }

    /** A paragraph of plain text. */
    public record Paragraph(String text) implements Part {
    }

    /** A table with a file-safe name (for its CSV), column headers and rows of cells. */
    public record Table(String name, String caption, List<String> headers, List<List<String>> rows) implements Part {
    }

    /** A bar chart: one bar per label for each series. */
    public record Bars(String title, String valueAxis, List<String> labels, List<Series> series) implements Part {
    }

    /** A line chart: series of (x, y) points. */
    public record Lines(String title, String xAxis, String yAxis, List<Series> series) implements Part {
    }

    /** A named series: values for bars, or x and y pairs (x in {@code x}, y in {@code y}) for lines. */
    public record Series(String name, double[] x, double[] y) {
    }

    /** A drawing of a graph: nodes at laid-out positions (sized by weight, coloured by group) and edges. */
    public record GraphPicture(String title, List<Node> nodes, List<int[]> edges) implements Part {
    }

    /** A node of a {@link GraphPicture}. */
    public record Node(String label, double x, double y, double weight, int group) {
    }
}
