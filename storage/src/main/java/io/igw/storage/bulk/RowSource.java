package io.igw.storage.bulk;

/**
 * Rows for a bulk-built table, pulled one at a time. An exception thrown here (a cancel, an I/O failure) stops the
 * build, and {@link BulkTable#create} rethrows it unchanged.
 */
@FunctionalInterface
public interface RowSource {
    /** The next row's values in column order, or null at the end. */
    Object[] next() throws Exception;
}
