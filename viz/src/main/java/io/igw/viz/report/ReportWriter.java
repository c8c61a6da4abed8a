package io.igw.viz.report;

import io.igw.engine.report.ReportContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a report as HTML or PDF (by the file's extension), with its tables as CSV beside it. */
public final class ReportWriter {
    /** What was written: the report, its format, its pages (PDF; 0 for HTML), its size, and the tables' CSV files. */
    public record Written(Path path, String format, int pages, long bytes, List<Path> tables) {
    }

    private ReportWriter() {
    }

    /** Checks that {@code out} can take a report before any work is done. */
    public static String formatOf(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".html") || name.endsWith(".htm") ? "html" : name.endsWith(".pdf") ? "pdf" : null;
        if (format == null) {
            throw new io.igw.engine.errors.InvalidSetting("out", "must name a .html or .pdf file, not " + out);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("Cannot write " + out + ": the folder " + parent + " does not exist.");
        }
        return format;
    }

    public static Written write(ReportContent content, Path out) throws IOException {
        String format = formatOf(out);
        int pages = 0;
        if (format.equals("pdf")) {
            pages = PdfReport.write(content, out);
        } else {
            HtmlReport.write(content, out);
        }
        List<Path> tables = ReportTables.write(content, out);
        return new Written(out.toAbsolutePath(), format, pages, Files.size(out), tables);
    }
}
