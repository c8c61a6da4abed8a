package io.igw.storage.columns;

import java.nio.file.Path;

/** The element type of a column, which is also its file's extension. */
public enum ColumnType {
    LONG("i64"), INT("i32"), FLOAT("f32"), BYTE("i8"), STRING("str");

    private final String extension;

    ColumnType(String extension) {
        this.extension = extension;
    }

    Path file(Path dir, String name) {
        return dir.resolve(name + "." + extension);
    }
}
