package io.igw.storage.stats;

import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for {@code igw stats} and the Data view, read from table sizes and the importer's daily summaries: cheap
 * whatever the number of events.
 */
public final class WorkspaceStats {
    private static final String[] TABLES = {"datasets", "users", "items", "categories", "item_categories", "reviews",
        "rejected_rows"};

    private final Workspace workspace;

    public WorkspaceStats(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Events over complete events datasets (one small query, for estimates before a job starts). */
    public long events() {
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            return single(st, "SELECT COALESCE(SUM(rows_imported), 0) FROM datasets WHERE status = 'complete' AND kind = 'events'");
        } catch (SQLException e) {
            throw workspace.failure("counting events", e);
        }
    }

    /** Users, items and events, from table sizes (cheap whatever the number of events). */
    public WorkspaceSize size() {
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            return new WorkspaceSize(single(st, "SELECT COUNT(*) FROM users"), single(st, "SELECT COUNT(*) FROM items"),
                    single(st, "SELECT COALESCE(SUM(rows_imported), 0) FROM datasets WHERE status = 'complete' AND kind = 'events'"));
        } catch (SQLException e) {
            throw workspace.failure("counting users, items and events", e);
        }
    }

    /** Rows per table; EVENTS is the sum over complete events datasets. */
    public Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            counts.put("events", single(st, "SELECT COALESCE(SUM(rows_imported), 0) FROM datasets "
                    + "WHERE status = 'complete' AND kind = 'events'"));
            for (String table : TABLES) {
                String where = table.equals("datasets") ? " WHERE status = 'complete'" : "";
                counts.put(table, single(st, "SELECT COUNT(*) FROM " + table + where));
            }
        } catch (SQLException e) {
            throw workspace.failure("counting rows", e);
        }
        return counts;
    }

    /** Events per behaviour, in funnel order, for one dataset or (null) the whole workspace. */
    public Map<Behaviour, Long> behaviourCounts(Integer datasetId) {
        Map<Behaviour, Long> counts = new LinkedHashMap<>();
        for (Behaviour b : Behaviour.values()) {
            counts.put(b, 0L);
        }
        String sql = "SELECT behaviour, SUM(events) FROM dataset_daily_counts"
                + (datasetId == null ? "" : " WHERE dataset_id = ?") + " GROUP BY behaviour";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (datasetId != null) {
                ps.setInt(1, datasetId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Behaviour.ofCode(rs.getInt(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("counting behaviours", e);
        }
        return counts;
    }

    /** Events per day (all behaviours), for one dataset or (null) the whole workspace. */
    public Map<LocalDate, Long> eventsPerDay(Integer datasetId) {
        Map<LocalDate, Long> days = new TreeMap<>();
        String sql = "SELECT event_day, SUM(events) FROM dataset_daily_counts"
                + (datasetId == null ? "" : " WHERE dataset_id = ?") + " GROUP BY event_day ORDER BY event_day";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (datasetId != null) {
                ps.setInt(1, datasetId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("counting events per day", e);
        }
        return days;
    }

    /** The first and last event time over complete datasets, in unix seconds, or null when there are no events. */
    public long[] timeRange() {
        String sql = "SELECT MIN(first_event_time), MAX(last_event_time) FROM datasets WHERE status = 'complete' "
                + "AND kind = 'events' AND first_event_time IS NOT NULL";
        try (Connection c = workspace.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long min = rs.getLong(1);
            if (rs.wasNull()) {
                return null;
            }
            return new long[]{min, rs.getLong(2)};
        } catch (SQLException e) {
            throw workspace.failure("reading the time range", e);
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
