package io.igw.app.ui.reports;

import io.igw.app.ui.kit.Problems;
import io.igw.app.ui.kit.ScreenWork;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.report.ReportBuilder;
import io.igw.engine.report.ReportContent;
import io.igw.engine.report.ReportSection;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.storage.Workspace;
import io.igw.viz.report.PdfReport;
import io.igw.viz.report.ReportWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Reports screen without its pixels: which sections to include; a preview (the PDF's pages, rendered); saving
 * the report as HTML or PDF (with its tables as CSV beside it). The audiences section previews the audiences kept
 * in the Targeting screen, else the three categories most users are interested in. Tested without the GUI.
 */
public final class ReportsViewModel {
    public final Map<ReportSection, BooleanProperty> include = new EnumMap<>(ReportSection.class);
    public final ScreenWork work;
    /** The preview's pages, as the PDF will print them. */
    public final ObservableList<BufferedImage> pages = FXCollections.observableArrayList();

    private final Workspace workspace;
    private final Supplier<List<AudienceSpec>> audiences;

    /** The content last previewed and what it was made of: saving the same choice writes exactly it. */
    private record Previewed(List<ReportSection> sections, List<AudienceSpec> audiences, ReportContent content) {
    }

    private volatile Previewed previewed;

    public ReportsViewModel(Workspace workspace, UiTasks tasks, Supplier<List<AudienceSpec>> audiences) {
        this.workspace = workspace;
        this.work = new ScreenWork(tasks);
        this.audiences = audiences;
        for (ReportSection s : ReportSection.values()) {
            include.put(s, new SimpleBooleanProperty(true));
        }
    }

    List<ReportSection> chosen() {
        List<ReportSection> out = new ArrayList<>();
        include.forEach((s, on) -> {
            if (on.get()) {
                out.add(s);
            }
        });
        return out;
    }

    /** Builds the report and renders its PDF's pages for the preview. */
    public void preview() {
        List<ReportSection> sections = chosen();
        if (sections.isEmpty()) {
            work.status.set("Choose at least one section.");
            return;
        }
        List<AudienceSpec> specs = audiences.get();
        work.start("preview report", ctx -> {
            ReportContent content = new ReportBuilder(workspace, sections, specs).run(ctx);
            previewed = new Previewed(sections, specs, content);
            ctx.progress(0.9, "laying out the pages");
            Path pdf = Files.createTempFile("igw-report-preview", ".pdf");
            try {
                ReportWriter.Written w = ReportWriter.write(content, pdf);
                List<BufferedImage> images = PdfReport.pages(pdf, 72);
                w.tables().forEach(t -> t.toFile().delete());
                return images;
            } finally {
                Files.deleteIfExists(pdf);
            }
        }, images -> {
            pages.setAll(images);
            work.status.set(String.format(Locale.ROOT, "Preview: %d %s. Save it as HTML or PDF.", images.size(),
                    images.size() == 1 ? "page" : "pages"));
        });
    }

    /**
     * Writes the report to {@code file} (.html or .pdf) with its tables as CSV beside it: the content previewed when
     * the sections and audiences are still those of the preview, else built afresh.
     */
    public void save(Path file) {
        List<ReportSection> sections = chosen();
        if (sections.isEmpty()) {
            work.status.set("Choose at least one section.");
            return;
        }
        try {
            ReportWriter.formatOf(file);
        } catch (IllegalArgumentException e) {
            work.status.set(Problems.describe(e));
            return;
        }
        List<AudienceSpec> specs = audiences.get();
        Previewed shown = previewed;
        boolean asPreviewed = shown != null && shown.sections().equals(sections) && shown.audiences().equals(specs);
        work.start("write report", ctx -> ReportWriter.write(asPreviewed ? shown.content()
                        : new ReportBuilder(workspace, sections, specs).run(ctx), file),
                w -> work.status.set(String.format(Locale.ROOT, "Saved %s (%s%s, %,d bytes) and %d tables as CSV beside it.",
                        w.path(), w.format().toUpperCase(Locale.ROOT), w.pages() > 0 ? ", " + w.pages() + " pages" : "",
                        w.bytes(), w.tables().size())));
    }
}
