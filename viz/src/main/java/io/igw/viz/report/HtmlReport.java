package io.igw.viz.report;

import io.igw.engine.export.SafeText;
import io.igw.engine.report.ReportContent;
import java.io.IOException;
import io.igw.storage.OutputFile;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * A report as one self-contained HTML file: styles inline, charts embedded as PNG data, no script and nothing
 * fetched from anywhere; every piece of text that came from the data is escaped.
 */
public final class HtmlReport {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    public static void write(ReportContent report, Path file) throws IOException {
        String html = html(report);
        OutputFile.text(file, out -> out.write(html));
    }

    static String html(ReportContent report) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(report.title())).append("</title><style>")
                .append("body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#24292f;max-width:980px;margin:2em auto;padding:0 1em}")
                .append("h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.8em}")
                .append(".meta{color:#57606a}table{border-collapse:collapse;margin:.8em 0;font-size:.9em;width:100%}")
                .append("th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}")
                .append("caption{text-align:left;font-weight:600;padding:.3em 0}figure{margin:1em 0}img{max-width:100%;height:auto}")
                .append("nav a{margin-right:1em}</style></head><body>\n");
        h.append("<h1>").append(escape(report.title())).append("</h1>\n<p class=\"meta\">Workspace ")
                .append(escape(report.workspace())).append(" · generated ").append(WHEN.format(report.generatedAt())).append("</p>\n<nav>");
        for (ReportContent.Section s : report.sections()) {
            h.append("<a href=\"#").append(s.kind().label()).append("\">").append(escape(s.title())).append("</a>");
        }
        h.append("</nav>\n");
        for (ReportContent.Section s : report.sections()) {
            h.append("<section id=\"").append(s.kind().label()).append("\"><h2>").append(escape(s.title())).append("</h2>\n");
            for (ReportContent.Part p : s.parts()) {
                part(h, p);
            }
            h.append("</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void part(StringBuilder h, ReportContent.Part p) {
        if (p instanceof ReportContent.Paragraph para) {
            h.append("<p>").append(escape(para.text())).append("</p>\n");
        } else if (p instanceof ReportContent.Table t) {
            h.append("<table><caption>").append(escape(t.caption())).append("</caption><thead><tr>");
            t.headers().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
            h.append("</tr></thead><tbody>");
            for (List<String> row : t.rows()) {
                h.append("<tr>");
                row.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
                h.append("</tr>");
            }
            if (t.rows().isEmpty()) {
                h.append("<tr><td colspan=\"").append(t.headers().size()).append("\">None.</td></tr>");
            }
            h.append("</tbody></table>\n");
        } else {
            h.append("<figure><img alt=\"").append(escape(ReportCharts.title(p))).append("\" width=\"").append(ReportCharts.WIDTH)
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(ReportCharts.png(p)))
                    .append("\"></figure>\n");
        }
    }

    /** Text made safe inside an element or a quoted attribute. */
    static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        String text = SafeText.shown(raw);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
