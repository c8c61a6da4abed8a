package io.igw.app.ui.kit;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A screen's progress bar (while its job runs) and status line, bound to its {@link ScreenWork}. */
public final class StatusStrip extends HBox {
    public StatusStrip(ScreenWork work, String idPrefix) {
        super(8);
        ProgressBar progress = new ProgressBar();
        progress.setId(idPrefix + "Progress");
        progress.setPrefWidth(160);
        progress.setMinWidth(160);
        progress.progressProperty().bind(work.progress);
        progress.visibleProperty().bind(work.running);
        progress.managedProperty().bind(work.running);
        Label status = new Label();
        status.setId(idPrefix + "Status");
        status.textProperty().bind(work.status);
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        getChildren().setAll(progress, status);
        setAlignment(Pos.CENTER_LEFT);
        setMinHeight(22);
    }
}
