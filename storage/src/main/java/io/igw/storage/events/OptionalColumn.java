package io.igw.storage.events;

import io.igw.storage.bulk.BulkColumn;

/**
 * The event columns a format may or may not have. A partition stores only those its format provides; the EVENTS
 * view shows the others as NULL, so that no import pays to write columns that are always empty.
 */
public enum OptionalColumn {
    CATEGORY_ID(BulkColumn.bigint("category_id")),
    SESSION_ID(BulkColumn.varchar("session_id", 200)),
    QUANTITY(BulkColumn.integer("quantity")),
    STRENGTH(BulkColumn.real("strength"));

    private final BulkColumn column;

    OptionalColumn(BulkColumn column) {
        this.column = column;
    }

    BulkColumn column() {
        return column;
    }

    String sqlType() {
        return column.sqlType();
    }

    /** This column's value in the row, or null where the row has none. */
    Object valueOf(EventRow row) {
        return switch (this) {
            case CATEGORY_ID -> row.categoryId == EventRow.NO_CATEGORY ? null : row.categoryId;
            case SESSION_ID -> row.sessionId;
            case QUANTITY -> row.quantity == EventRow.NO_QUANTITY ? null : row.quantity;
            case STRENGTH -> Float.isNaN(row.strength) ? null : row.strength;
        };
    }
}
