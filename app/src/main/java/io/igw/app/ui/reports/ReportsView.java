package io.igw.app.ui.reports;

import io.igw.app.ui.kit.StatusStrip;
import io.igw.engine.report.ReportSection;
import java.awt.image.BufferedImage;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Reports screen: tick the sections, preview the report page by page as it will print, and save it as a
 * self-contained HTML file or a PDF (its tables go beside it as CSV).
 */
public final class ReportsView extends BorderPane {
    private final ReportsViewModel model;
    private final VBox pages = new VBox(16);

    public ReportsView(ReportsViewModel model) {
        this.model = model;
        setId("reportsView");
        setLeft(options());
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(16));
        pages.setId("reportPages");
        Label empty = new Label("Preview the report to see its pages here.");
        empty.getStyleClass().add("text-muted");
        pages.getChildren().add(empty);
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        StatusStrip strip = new StatusStrip(model.work, "report");
        strip.setPadding(new Insets(6, 10, 6, 10));
        strip.getStyleClass().add("tool-bar");
        setBottom(strip);
        model.pages.addListener((ListChangeListener<BufferedImage>) c -> {
            pages.getChildren().clear();
            for (BufferedImage page : model.pages) {
                ImageView view = new ImageView(SwingFXUtils.toFXImage(page, null));
                view.setPreserveRatio(true);
                view.setEffect(new DropShadow(8, javafx.scene.paint.Color.gray(0, 0.25)));
                pages.getChildren().add(view);
            }
        });
    }

    /** How many pages the preview shows. */
    public int previewPages() {
        return model.pages.size();
    }

    private Region options() {
        Label title = new Label("Sections");
        title.getStyleClass().add("title-4");
        VBox box = new VBox(8, title);
        for (ReportSection s : ReportSection.values()) {
            CheckBox c = new CheckBox(s.title());
            c.setId("section-" + s.label());
            c.selectedProperty().bindBidirectional(model.include.get(s));
            box.getChildren().add(c);
        }
        Label audiences = new Label("Audiences: those kept in the Targeting screen, else the three categories most "
                + "users are interested in.");
        audiences.setWrapText(true);
        audiences.getStyleClass().add("text-muted");
        Button preview = new Button("Preview", new FontIcon(Feather.EYE));
        preview.setId("previewReport");
        preview.getStyleClass().add("accent");
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.setOnAction(e -> model.preview());
        preview.disableProperty().bind(model.work.running);
        Button html = new Button("Save HTML…", new FontIcon(Feather.DOWNLOAD));
        html.setId("saveHtml");
        html.setMaxWidth(Double.MAX_VALUE);
        html.setOnAction(e -> save("report.html", "HTML", "*.html"));
        html.disableProperty().bind(model.work.running);
        Button pdf = new Button("Save PDF…", new FontIcon(Feather.DOWNLOAD));
        pdf.setId("savePdf");
        pdf.setMaxWidth(Double.MAX_VALUE);
        pdf.setOnAction(e -> save("report.pdf", "PDF", "*.pdf"));
        pdf.disableProperty().bind(model.work.running);
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        box.getChildren().addAll(audiences, gap, preview, html, pdf);
        box.setPadding(new Insets(12));
        box.setPrefWidth(250);
        box.getStyleClass().add("tool-bar");
        return box;
    }

    private void save(String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the report as " + kind);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.save(file.toPath());
        }
    }
}
