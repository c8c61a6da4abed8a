package io.igw.app.ui.kit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns computed from each row, the way every table in the workbench shows its rows. */
public final class Columns {
    private Columns() {
    }

    /** A table of {@code items} with these columns, and what it says while empty. */
    @SafeVarargs
    public static <T> javafx.scene.control.TableView<T> table(String id, javafx.collections.ObservableList<T> items,
                                                              String whenEmpty, TableColumn<T, ?>... columns) {
        javafx.scene.control.TableView<T> table = new javafx.scene.control.TableView<>(items);
        table.setId(id);
        table.setPlaceholder(new javafx.scene.control.Label(whenEmpty));
        table.getColumns().setAll(java.util.List.of(columns));
        return table;
    }

    /** A table under its title, the table taking the height. */
    public static javafx.scene.layout.VBox titled(String title, javafx.scene.control.TableView<?> table) {
        javafx.scene.control.Label label = new javafx.scene.control.Label(title);
        label.getStyleClass().add("title-4");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, label, table);
        javafx.scene.layout.VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** A numeric column that sorts by value and shows it in {@code format} ({@code "%.3f"}). */
    public static <T> TableColumn<T, Double> number(String name, Function<T, Double> value, String format, double width) {
        TableColumn<T, Double> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(java.util.Locale.ROOT, format, v));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(width);
        return c;
    }

    public static <T> TableColumn<T, Object> of(String name, Function<T, Object> value, double width) {
        TableColumn<T, Object> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
