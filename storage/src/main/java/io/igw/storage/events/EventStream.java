package io.igw.storage.events;

/**
 * The importer's validated, de-duplicated events, pulled one at a time while the partition is written. An
 * exception thrown here (a cancel, an I/O failure) aborts the write and is rethrown as is by
 * {@link EventPartitions#write}.
 */
@FunctionalInterface
public interface EventStream {
    /** Fills {@code row} with the next event and returns true, or returns false at the end. */
    boolean next(EventRow row) throws Exception;
}
