package io.igw.storage.events;

import io.igw.storage.Workspace;
import io.igw.storage.bulk.BulkColumn;
import io.igw.storage.bulk.BulkTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Events live in one table per imported dataset, {@code EVENTS_D<id>}, written by a single
 * {@code CREATE TABLE … AS SELECT} from the importer's stream, with only the columns its format provides; the
 * {@code EVENTS} view unites the complete ones, adding each one's dataset id and NULL for the columns it lacks.
 * Dropping an unfinished import is then one {@code DROP TABLE}. See docs/decisions/0002-event-partitions.md.
 */
public final class EventPartitions {
    private static final String PREFIX = "EVENTS_D";

    private final Workspace workspace;

    public EventPartitions(Workspace workspace) {
        this.workspace = workspace;
    }

    public static String tableName(int datasetId) {
        return PREFIX + datasetId;
    }

    /**
     * Writes the whole stream into the dataset's partition in one statement and returns the number of rows. If the
     * stream throws, the partition is dropped and that exception is rethrown unchanged.
     */
    public long write(int datasetId, Set<OptionalColumn> optional, EventStream stream) throws Exception {
        List<BulkColumn> columns = new ArrayList<>(List.of(BulkColumn.bigint("user_id"), BulkColumn.bigint("item_id"),
                BulkColumn.tinyint("behaviour"), BulkColumn.bigint("event_time")));
        for (OptionalColumn o : optional) {
            columns.add(o.column());
        }
        EventRow row = new EventRow();
        int width = columns.size();
        return BulkTable.create(workspace, tableName(datasetId), columns, () -> {
            row.clear();
            if (!stream.next(row)) {
                return null;
            }
            Object[] values = new Object[width];
            values[0] = row.userId;
            values[1] = row.itemId;
            values[2] = row.behaviour;
            values[3] = row.eventTime;
            int i = 4;
            for (OptionalColumn o : optional) {
                values[i++] = o.valueOf(row);
            }
            return values;
        });
    }

    public void drop(int datasetId) {
        BulkTable.drop(workspace, tableName(datasetId));
    }

    /** Drops partitions that belong to no complete dataset (left by a kill between writing and registering). */
    public void dropOrphans(Collection<Integer> completeEventDatasets) {
        for (int id : partitionIds()) {
            if (!completeEventDatasets.contains(id)) {
                drop(id);
            }
        }
        rebuildView();
    }

    /** Points the EVENTS view at exactly the partitions of complete datasets. */
    public void rebuildView() {
        List<Integer> complete = new ArrayList<>();
        String sql = "SELECT dataset_id FROM datasets WHERE status = 'complete' AND kind = 'events' ORDER BY dataset_id";
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    complete.add(rs.getInt(1));
                }
            }
            complete.retainAll(partitionIds(c));
            Map<Integer, Set<String>> stored = storedColumns(c);
            StringBuilder view = new StringBuilder("CREATE OR REPLACE VIEW events AS SELECT * FROM events_base");
            for (int id : complete) {
                Set<String> has = stored.getOrDefault(id, Set.of());
                view.append(" UNION ALL SELECT ").append(id).append(" AS dataset_id, user_id, item_id, ")
                        .append(orNull(has, OptionalColumn.CATEGORY_ID)).append(", behaviour, event_time, ")
                        .append(orNull(has, OptionalColumn.SESSION_ID)).append(", ")
                        .append(orNull(has, OptionalColumn.QUANTITY)).append(", ")
                        .append(orNull(has, OptionalColumn.STRENGTH)).append(" FROM ").append(tableName(id));
            }
            st.execute(view.toString());
        } catch (SQLException e) {
            throw workspace.failure("updating the events view", e);
        }
    }

    private static String orNull(Set<String> has, OptionalColumn column) {
        return has.contains(column.name()) ? column.name()
                : "CAST(NULL AS " + column.sqlType() + ") AS " + column.name();
    }

    /** Each partition's stored column names. */
    private static Map<Integer, Set<String>> storedColumns(Connection c) throws SQLException {
        Map<Integer, Set<String>> columns = new HashMap<>();
        String sql = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'PUBLIC' "
                + "AND table_name LIKE 'EVENTS\\_D%'";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String suffix = rs.getString(1).substring(PREFIX.length());
                if (!suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)) {
                    columns.computeIfAbsent(Integer.parseInt(suffix), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return columns;
    }

    private TreeSet<Integer> partitionIds() {
        try (Connection c = workspace.connection()) {
            return partitionIds(c);
        } catch (SQLException e) {
            throw workspace.failure("listing event partitions", e);
        }
    }

    private static TreeSet<Integer> partitionIds(Connection c) throws SQLException {
        TreeSet<Integer> ids = new TreeSet<>();
        String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' AND table_name LIKE 'EVENTS\\_D%'";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String suffix = rs.getString(1).substring(PREFIX.length());
                if (!suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)) {
                    ids.add(Integer.parseInt(suffix.toUpperCase(Locale.ROOT)));
                }
            }
        }
        return ids;
    }

    /** On open, last: the events view is rebuilt over the partitions that remain. */
    public static final class Recovery implements Workspace.Recovery {
        @Override
        public void recover(Workspace workspace) {
            new EventPartitions(workspace).rebuildView();
        }
    }
}
