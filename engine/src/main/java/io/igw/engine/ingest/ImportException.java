package io.igw.engine.ingest;

/** A whole file cannot be imported (missing, unreadable, a header without the needed columns, a bad mapping). */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
