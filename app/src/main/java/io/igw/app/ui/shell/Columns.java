package io.igw.app.ui.shell;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns computed from each row, the way every table in the workbench shows its rows. */
public final class Columns {
    private Columns() {
    }

    public static <T> TableColumn<T, Object> of(String name, Function<T, Object> value, double width) {
        TableColumn<T, Object> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
