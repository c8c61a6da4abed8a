package io.igw.engine.ingest;

/**
 * The reasons a line is refused. Each reason's text starts with a fixed kind and a colon, so that rejected rows can
 * be grouped by kind; the rest says exactly what was wrong with this line.
 */
public final class RejectReason {
    public static final String WRONG_FIELD_COUNT = "wrong field count";
    public static final String EMPTY_FIELD = "empty field";
    public static final String NON_NUMERIC_ID = "non-numeric id";
    public static final String UNKNOWN_BEHAVIOUR = "unknown behaviour";
    public static final String IMPLAUSIBLE_TIME = "implausible timestamp";
    public static final String BAD_NUMBER = "bad number";
    public static final String BINARY = "binary content";
    public static final String TOO_LONG = "line too long";
    public static final String FIELD_TOO_LONG = "field too long";
    public static final String UNTERMINATED_QUOTE = "unterminated quote";

    private RejectReason() {
    }

    static String of(String kind, String detail) {
        return kind + ": " + detail;
    }

    /** Problems with the line as a whole, checked before any field; null when the line is sound. */
    static String structural(CsvRecordReader r) {
        if (r.isTooLong()) {
            return of(TOO_LONG, r.recordBytes() + " bytes (limit " + CsvRecordReader.MAX_RECORD_BYTES + ")");
        }
        if (r.hasUnterminatedQuote()) {
            return of(UNTERMINATED_QUOTE, "a quoted field is never closed");
        }
        if (r.isBinary()) {
            return of(BINARY, "control characters, NUL or invalid UTF-8 bytes");
        }
        if (r.hasTooManyFields()) {
            return of(WRONG_FIELD_COUNT, "more than " + CsvRecordReader.MAX_FIELDS + " fields");
        }
        return null;
    }
}
