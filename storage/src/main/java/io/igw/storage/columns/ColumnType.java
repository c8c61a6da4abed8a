package io.igw.storage.columns;

import java.nio.file.Path;

/** The element type of a column, which is also its file's extension. */
public enum ColumnType {
    LONG("i64", Long.BYTES), INT("i32", Integer.BYTES), FLOAT("f32", Float.BYTES), BYTE("i8", 1), STRING("str", 1);

    private final String extension;
    private final int width;

    ColumnType(String extension, int width) {
        this.extension = extension;
        this.width = width;
    }

    /** Bytes per element (a string column's are of variable length: its width is that of its bytes). */
    int width() {
        return width;
    }

    Path file(Path dir, String name) {
        return dir.resolve(name + "." + extension);
    }
}
