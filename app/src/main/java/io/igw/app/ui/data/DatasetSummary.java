package io.igw.app.ui.data;

import io.igw.storage.datasets.DatasetInfo;
import io.igw.storage.rejects.RejectedRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the Data view shows for one dataset, or for the whole workspace when {@code dataset} is null: its counts,
 * funnel, activity and the first page of its rejected lines.
 */
record DatasetSummary(DatasetInfo dataset, long read, long imported, long duplicates, long rejected,
                      Map<String, Long> funnel, Map<LocalDate, Long> perDay, List<RejectedRow> rejectedRows,
                      Map<String, Long> rejectReasons) {
}
