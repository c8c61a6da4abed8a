package io.igw.storage.stats;

import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.datasets.ImportTotals;
import io.igw.storage.events.EventPartitions;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Map;

/** Publishes an events import: its daily counts and totals in one transaction, then the EVENTS view. */
public final class EventDatasetCompletion {
    private final Workspace workspace;

    public EventDatasetCompletion(Workspace workspace) {
        this.workspace = workspace;
    }

    public void complete(int datasetId, ImportTotals totals, ActivitySummary activity) {
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dataset_daily_counts(dataset_id, event_day, behaviour, events) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<LocalDate, long[]> day : activity.perDay().entrySet()) {
                    long[] counts = day.getValue();
                    for (int b = 1; b < counts.length; b++) {
                        if (counts[b] > 0) {
                            ps.setInt(1, datasetId);
                            ps.setDate(2, Date.valueOf(day.getKey()));
                            ps.setByte(3, (byte) b);
                            ps.setLong(4, counts[b]);
                            ps.addBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE datasets SET first_event_time = ?, last_event_time = ? WHERE dataset_id = ?")) {
                if (activity.isEmpty()) {
                    ps.setNull(1, Types.BIGINT);
                    ps.setNull(2, Types.BIGINT);
                } else {
                    ps.setLong(1, activity.firstEventTime());
                    ps.setLong(2, activity.lastEventTime());
                }
                ps.setInt(3, datasetId);
                ps.executeUpdate();
            }
            new DatasetStore(workspace).complete(c, datasetId, totals);
            c.commit();
        } catch (SQLException e) {
            throw workspace.failure("completing the import", e);
        }
        workspace.syncToDisk();
        new EventPartitions(workspace).rebuildView();
    }
}
