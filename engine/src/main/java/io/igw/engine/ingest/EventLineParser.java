package io.igw.engine.ingest;

import io.igw.storage.events.EventRow;
import io.igw.storage.events.OptionalColumn;
import java.util.Set;

/** Turns one record of a behaviour log into an event, or says why it cannot. */
interface EventLineParser {
    /** The delimiter, whether fields may be quoted, and whether the first line is a header. */
    char delimiter();

    boolean quoting();

    boolean hasHeader();

    /** Reads the header; throws {@link ImportException} if it lacks a needed column. */
    default void header(CsvRecordReader header) {
    }

    /** The optional event columns this layout fills (known once the header is read). */
    Set<OptionalColumn> optionalColumns();

    /** Fills {@code row} from the current record and returns null, or returns the reason it is rejected. */
    String parse(CsvRecordReader r, EventRow row);
}
