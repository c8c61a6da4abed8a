package io.igw.viz.report;

import io.igw.engine.export.CsvCell;
import io.igw.engine.report.ReportContent;
import io.igw.storage.OutputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's tables as CSV files beside it ({@code report.html} → {@code report-models.csv}, ...), each cell made
 * safe by {@link CsvCell}.
 */
public final class ReportTables {
    private ReportTables() {
    }

    /** Writes one CSV per table next to {@code report}; returns their paths. */
    public static List<Path> write(ReportContent content, Path report) throws IOException {
        String base = report.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path dir = report.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (ReportContent.Section s : content.sections()) {
            for (ReportContent.Part p : s.parts()) {
                if (p instanceof ReportContent.Table t) {
                    Path file = dir.resolve(base + "-" + t.name() + ".csv");
                    OutputFile.text(file, w -> {
                        w.write(line(t.headers()));
                        for (List<String> row : t.rows()) {
                            w.write(line(row));
                        }
                    });
                    out.add(file);
                }
            }
        }
        return out;
    }

    private static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    private static String cell(String value) {
        return CsvCell.safe(value);
    }
}
