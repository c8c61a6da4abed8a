package io.igw.storage.events;

/**
 * The event columns a format may or may not have. A partition stores only those its format provides; the EVENTS
 * view shows the others as NULL, so that no import pays to write columns that are always empty.
 */
public enum OptionalColumn {
    CATEGORY_ID("BIGINT"), SESSION_ID("VARCHAR(200)"), QUANTITY("INT"), STRENGTH("REAL");

    private final String sqlType;

    OptionalColumn(String sqlType) {
        this.sqlType = sqlType;
    }

    String sqlType() {
        return sqlType;
    }
}
