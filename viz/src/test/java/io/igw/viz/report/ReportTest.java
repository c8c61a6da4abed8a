package io.igw.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.prediction.BehaviourPrediction;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.engine.recommenders.Evaluation;
import io.igw.engine.recommenders.Split;
import io.igw.engine.report.ReportBuilder;
import io.igw.engine.report.ReportContent;
import io.igw.engine.report.ReportSection;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of the demo workspace (the bundled sample data, its graph, a model evaluation and a prediction), with
 * one more item whose title is a script, bought together with another so that it reaches the rules.
 */
class ReportTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final long PERSON = 987_654_321L;
    /** A formula behind a direction override and a zero-width space, which a naive check would let through. */
    static final String HIDDEN_FORMULA = "\u202E=cmd|' /C calc'!A0 \u200Bpan";
    @TempDir
    static Path tmp;
    static Workspace workspace;
    static ReportContent report;

    @BeforeAll
    static void demoWorkspace() throws Exception {
        Path sample = Path.of("..", "sample-data");
        Path items = tmp.resolve("items.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(sample.resolve("items.csv")));
        lines.add("990001,\"" + SCRIPT + "\",301,Acme,9.90");
        lines.add("990002,\"" + HIDDEN_FORMULA + "\",301,Acme,19.90");
        Files.write(items, lines);
        StringBuilder events = new StringBuilder();
        for (int user = 1; user <= 2; user++) { // two baskets: the rarest pair, so the strongest lift
            long t = 1_757_000_000L + user * 3_600L;
            events.append(user).append(",990001,301,buy,").append(t).append('\n');
            events.append(user).append(",990002,301,buy,").append(t + 60).append('\n');
        }
        // someone with an unmistakable id in the audience the privacy test reports on
        events.append(PERSON).append(",990001,301,buy,1757010000\n").append(PERSON).append(",990002,301,view,1757010060\n");
        Path extra = Files.writeString(tmp.resolve("extra-events.csv"), events);
        workspace = Workspace.open(tmp.resolve("ws"), true);
        new WorkspaceImport(workspace, new ImportRequest(ImportFormat.TAOBAO, List.of(sample.resolve("events.csv"), extra),
                Map.of(DatasetKind.ITEMS, items, DatasetKind.CATEGORIES, sample.resolve("categories.csv"),
                        DatasetKind.USERS, sample.resolve("users.csv"), DatasetKind.REVIEWS, sample.resolve("reviews.csv")), ""))
                .run(JobContext.quiet());
        InterestGraphBuilder.full(workspace, GraphParameters.defaults()).run(JobContext.quiet());
        new Evaluation(workspace, List.of("pop", "itemknn"), Split.Kind.RANDOM, 0.8, 20, List.of(1L)).run(JobContext.quiet());
        // a report shows the predictions that were run (it never runs one itself)
        SavedPredictions.save(workspace, new BehaviourPrediction(workspace, Outcome.CHURN, 7, 1).run(JobContext.quiet()));
        report = new ReportBuilder(workspace, List.of(ReportSection.values()), List.of()).run(JobContext.quiet());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void theHtmlReportHasEverySectionEmbedsItsChartsAndEscapesTheData() throws Exception {
        Path html = tmp.resolve("report.html");
        ReportWriter.Written w = ReportWriter.write(report, html);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        for (ReportSection s : ReportSection.values()) {
            assertTrue(page.contains("<section id=\"" + s.label() + "\"><h2>" + s.title() + "</h2>"), s.title());
        }
        assertFalse(page.contains(SCRIPT), "the item's title comes out escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the item is in the report, escaped");
        assertFalse(page.contains("<script"), "no script at all");
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing is fetched from elsewhere");
        assertTrue(page.split("src=\"data:image/png;base64,").length - 1 >= 6, "funnel, activity, communities, models, reach, gain");
        assertTrue(page.contains("No activity in the next 7 days") || page.contains("churn"), "the predictions section has figures");
        assertTrue(page.contains("No title generator is stored in this workspace yet"), "a report trains no title generator");
        assertEquals("html", w.format());
        assertTrue(w.tables().stream().anyMatch(p -> p.getFileName().toString().equals("report-rules.csv")));
        String rulesCsv = Files.readString(tmp.resolve("report-rules.csv"));
        assertTrue(rulesCsv.startsWith("if bought,then also,support,confidence,lift\n") && rulesCsv.contains(SCRIPT),
                "the CSV keeps the title as it is (a quote only neutralises formulas): " + rulesCsv.lines().limit(3).toList());
        assertTrue(rulesCsv.contains(",'=cmd|' /C calc'!A0 pan (990002),") || rulesCsv.contains("\n'=cmd|' /C calc'!A0 pan (990002),"),
                "the hidden formula is shown and neutralised: " + rulesCsv.lines().limit(3).toList());
        for (String written : List.of(page, rulesCsv)) {
            assertFalse(written.contains("\u202E") || written.contains("\u200B"), "no direction override or zero-width space is written");
        }
    }

    @Test
    void thePdfReportHasEverySectionOnPagesThatRender() throws Exception {
        Path pdf = tmp.resolve("report.pdf");
        ReportWriter.Written w = ReportWriter.write(report, pdf);
        System.out.printf("demo report: %d PDF pages, %,d bytes%n", w.pages(), w.bytes());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(w.pages(), doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            for (ReportSection s : ReportSection.values()) {
                assertTrue(text.contains(s.title()), s.title());
            }
            assertTrue(text.contains(SCRIPT), "a PDF shows the title as text; it can run nothing");
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage image = renderer.renderImageWithDPI(p, 50);
                assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
            }
        }
    }

    @Test
    void aReportOnAnAudienceShowsNoOnesUserId() throws Exception {
        io.igw.engine.targeting.AudienceSpec spec = io.igw.engine.targeting.AudienceSpec.of(
                List.of(io.igw.engine.targeting.Target.parse("category:301", "--target")));
        assertTrue(new io.igw.engine.targeting.TargetingData(workspace).run(JobContext.quiet()).build(spec).members().stream()
                .anyMatch(m -> m.userId() == PERSON), "the person is in the audience reported on");
        ReportContent audiences = new ReportBuilder(workspace, List.of(ReportSection.AUDIENCES), List.of(spec)).run(JobContext.quiet());
        Path html = tmp.resolve("audience-report.html");
        ReportWriter.Written w = ReportWriter.write(audiences, html);
        List<String> written = new ArrayList<>(List.of(Files.readString(html)));
        for (Path table : w.tables()) {
            written.add(Files.readString(table));
        }
        Path pdf = tmp.resolve("audience-report.pdf");
        ReportWriter.write(audiences, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            written.add(new PDFTextStripper().getText(doc));
        }
        assertTrue(w.tables().stream().anyMatch(t -> t.getFileName().toString().equals("audience-report-audiences.csv")),
                "the audience is reported");
        for (String text : written) {
            assertFalse(text.contains(Long.toString(PERSON)), "a report names no one");
        }
    }

    @Test
    void chosenSectionsAndMistakes() throws Exception {
        ReportContent two = new ReportBuilder(workspace, ReportSection.parse(List.of("rules", "datasets")), List.of())
                .run(JobContext.quiet());
        assertEquals(List.of(ReportSection.DATASETS, ReportSection.RULES), two.sections().stream().map(ReportContent.Section::kind).toList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ReportSection.parse(List.of("charts")));
        assertTrue(bad.getMessage().startsWith("sections 'charts' is not a section"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.formatOf(tmp.resolve("report.docx")));
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.formatOf(tmp.resolve("missing/report.pdf")));
    }
}
