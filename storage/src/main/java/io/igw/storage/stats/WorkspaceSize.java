package io.igw.storage.stats;

/**
 * How big a workspace's data is, for memory estimates before a job starts: users and items known to it (every one
 * seen in an event or listed in a catalogue, so at least those a job reads) and events over its complete datasets.
 * Each count is an upper bound on what a job reads, read without reading the data.
 */
public record WorkspaceSize(long users, long items, long events) {
}
