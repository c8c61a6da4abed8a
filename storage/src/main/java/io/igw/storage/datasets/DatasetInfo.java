package io.igw.storage.datasets;

import java.time.Instant;

/** One completed import, as listed in the Data view and by {@code igw stats}. */
public record DatasetInfo(int id, DatasetKind kind, String format, String name, String source, String contentSha256,
                          String options, Instant startedAt, Instant finishedAt, ImportTotals totals) {
}
