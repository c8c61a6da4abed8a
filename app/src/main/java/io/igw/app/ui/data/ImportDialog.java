package io.igw.app.ui.data;

import io.igw.engine.ingest.ImportException;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.storage.datasets.DatasetKind;
import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Choose a file and its format, see its first rows, map its columns (generic files), add catalogues, import. */
final class ImportDialog extends Dialog<ImportRequest> {
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private final ImportDialogViewModel model;
    private final TableView<List<String>> preview = new TableView<>();
    private final GridPane mappingGrid = new GridPane();
    private final Label error = new Label();

    ImportDialog(Window owner, ImportDialogViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Import data");
        setHeaderText("Import a behaviour log into the workspace");
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        getDialogPane().setContent(content(owner));
        getDialogPane().setPrefSize(920, 680);
        getDialogPane().setMinSize(820, 600);
        Button ok = (Button) getDialogPane().lookupButton(IMPORT);
        ok.setId("importConfirm");
        ok.disableProperty().bind(model.canImport().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                model.toRequest();
            } catch (ImportException | IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(button -> button == IMPORT ? model.toRequest() : null);
        model.previewHeader.addListener((javafx.collections.ListChangeListener<String>) c -> rebuildPreview());
        model.previewRows.addListener((javafx.collections.ListChangeListener<List<String>>) c -> preview.getItems().setAll(model.previewRows));
    }

    private VBox content(Window owner) {
        TextField path = new TextField();
        path.setId("importFile");
        path.setPromptText("Path to a behaviour log (CSV, TSV)");
        path.textProperty().bindBidirectional(model.file);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> choose(owner, model.file));

        ComboBox<ImportFormat> format = new ComboBox<>(FXCollections.observableArrayList(ImportFormat.values()));
        format.setId("importFormat");
        format.valueProperty().bindBidirectional(model.format);
        format.setCellFactory(v -> new FormatCell());
        format.setButtonCell(new FormatCell());
        format.setMaxWidth(Double.MAX_VALUE);

        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(8);
        top.addRow(0, label("File"), new HBox(8, path, browse));
        top.addRow(1, label("Format"), format);
        GridPane.setHgrow(top.getChildren().get(1), Priority.ALWAYS);

        preview.setId("importPreview");
        preview.setPlaceholder(new Label("Choose a file to see its first rows."));
        preview.setPrefHeight(260);
        preview.setMinHeight(160);

        buildMappingGrid();
        TitledPane mappingPane = new TitledPane("Column mapping (generic files)", mappingGrid);
        mappingPane.visibleProperty().bind(model.format.isEqualTo(ImportFormat.GENERIC));
        mappingPane.managedProperty().bind(mappingPane.visibleProperty());

        GridPane catalogueGrid = new GridPane();
        catalogueGrid.setHgap(8);
        catalogueGrid.setVgap(6);
        int row = 0;
        for (Map.Entry<DatasetKind, StringProperty> entry : model.catalogues.entrySet()) {
            TextField field = new TextField();
            field.textProperty().bindBidirectional(entry.getValue());
            field.setPromptText("optional");
            HBox.setHgrow(field, Priority.ALWAYS);
            Button pick = new Button("Browse…");
            pick.setOnAction(e -> choose(owner, entry.getValue()));
            HBox box = new HBox(8, field, pick);
            GridPane.setHgrow(box, Priority.ALWAYS);
            catalogueGrid.addRow(row++, label(capitalise(entry.getKey().label())), box);
        }
        TitledPane cataloguesPane = new TitledPane("Catalogues (optional)", catalogueGrid);
        cataloguesPane.setExpanded(false);

        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.previewError);
        VBox box = new VBox(10, top, new Label("Preview"), preview, mappingPane, cataloguesPane, error);
        box.setPadding(new Insets(8));
        VBox.setVgrow(preview, Priority.ALWAYS);
        return box;
    }

    private void buildMappingGrid() {
        mappingGrid.setHgap(8);
        mappingGrid.setVgap(6);
        ComboBox<String> delimiter = new ComboBox<>(FXCollections.observableArrayList("comma", "tab", "semicolon", "pipe"));
        delimiter.valueProperty().bindBidirectional(model.delimiter);
        mappingGrid.addRow(0, label("Delimiter"), delimiter);
        int row = 1;
        for (String role : ImportDialogViewModel.MAPPED_ROLES) {
            ComboBox<String> column = new ComboBox<>();
            column.setId("map-" + role);
            column.valueProperty().bindBidirectional(model.mapping.get(role));
            model.previewHeader.addListener((javafx.collections.ListChangeListener<String>) c -> {
                String keep = column.getValue();
                column.getItems().setAll(ImportDialogViewModel.NOT_MAPPED);
                column.getItems().addAll(model.previewHeader);
                column.setValue(keep);
            });
            column.setPrefWidth(170);
            mappingGrid.add(label(capitalise(role)), (row - 1) % 3 * 2, 1 + (row - 1) / 3);
            mappingGrid.add(column, (row - 1) % 3 * 2 + 1, 1 + (row - 1) / 3);
            row++;
        }
    }

    private void rebuildPreview() {
        preview.getColumns().clear();
        for (int i = 0; i < model.previewHeader.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(model.previewHeader.get(i));
            column.setCellValueFactory(cell -> new SimpleStringProperty(
                    index < cell.getValue().size() ? cell.getValue().get(index) : ""));
            column.setSortable(false);
            preview.getColumns().add(column);
        }
        preview.getItems().setAll(model.previewRows);
    }

    private static void choose(Window owner, StringProperty target) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a file");
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            target.set(f.getAbsolutePath());
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final class FormatCell extends ListCell<ImportFormat> {
        @Override
        protected void updateItem(ImportFormat item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label() + " — " + item.description());
        }
    }
}
