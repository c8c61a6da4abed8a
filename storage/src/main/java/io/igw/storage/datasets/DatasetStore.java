package io.igw.storage.datasets;

import io.igw.storage.fingerprints.FingerprintFiles;
import io.igw.storage.Workspace;
import io.igw.storage.events.EventColumns;
import io.igw.storage.events.EventPartitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The register of imports. A dataset is written as {@code importing} before its first row and flipped to
 * {@code complete} only when all of it is in; anything still {@code importing} when a workspace opens was cut short
 * and is removed whole.
 */
public final class DatasetStore {
    private static final String STATUS_IMPORTING = "importing";
    private static final String STATUS_COMPLETE = "complete";
    private static final String COLUMNS = "dataset_id, kind, format, name, source, content_sha256, options, started_at, "
            + "finished_at, rows_read, rows_imported, rows_duplicate, rows_rejected, distinct_users, distinct_items, seconds";

    private final Workspace workspace;

    public DatasetStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Registers an import about to start and returns its id. */
    public int begin(NewDataset dataset) {
        String sql = "INSERT INTO datasets(kind, format, name, source, content_sha256, options, status, started_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, dataset.kind().label());
            ps.setString(2, dataset.format());
            ps.setString(3, truncate(dataset.name(), 500));
            ps.setString(4, truncate(dataset.source(), 4000));
            ps.setString(5, dataset.contentSha256());
            ps.setString(6, truncate(dataset.options(), 4000));
            ps.setString(7, STATUS_IMPORTING);
            ps.setTimestamp(8, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        } catch (SQLException e) {
            throw workspace.failure("registering the import", e);
        }
    }

    /** Marks the import complete with its totals, inside the caller's transaction. */
    public void complete(Connection c, int datasetId, ImportTotals totals) throws SQLException {
        String sql = "UPDATE datasets SET status = ?, finished_at = ?, rows_read = ?, rows_imported = ?, rows_duplicate = ?, "
                + "rows_rejected = ?, distinct_users = ?, distinct_items = ?, seconds = ? WHERE dataset_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, STATUS_COMPLETE);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, totals.read());
            ps.setLong(4, totals.imported());
            ps.setLong(5, totals.duplicates());
            ps.setLong(6, totals.rejected());
            ps.setLong(7, totals.users());
            ps.setLong(8, totals.items());
            ps.setDouble(9, totals.seconds());
            ps.setInt(10, datasetId);
            ps.executeUpdate();
        }
    }

    /** Removes every trace of an import that did not complete: its partition, rejects, counts and entities. */
    public void discard(int datasetId) {
        new EventPartitions(workspace).drop(datasetId);
        FingerprintFiles.of(workspace).delete(datasetId);
        new EventColumns(workspace).delete(datasetId);
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            for (String table : List.of("rejected_rows", "dataset_daily_counts", "reviews", "item_categories",
                    "items", "users", "categories", "datasets")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE dataset_id = ?")) {
                    ps.setInt(1, datasetId);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw workspace.failure("removing the unfinished import " + datasetId, e);
        }
    }

    /** Called when a workspace opens: whatever is still importing was interrupted, since only one process writes. */
    public List<Integer> discardUnfinished() {
        List<Integer> unfinished = new ArrayList<>();
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("SELECT dataset_id FROM datasets WHERE status <> ?")) {
            ps.setString(1, STATUS_COMPLETE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unfinished.add(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("looking for unfinished imports", e);
        }
        unfinished.forEach(this::discard);
        new EventPartitions(workspace).dropOrphans(completeIds(DatasetKind.EVENTS));
        FingerprintFiles.of(workspace).retainOnly(completeIds(null));
        new EventColumns(workspace).retainOnly(completeIds(DatasetKind.EVENTS));
        return unfinished;
    }

    public List<DatasetInfo> list() {
        return query("WHERE status = 'complete' ORDER BY dataset_id", null);
    }

    /** A complete import of the same kind, format, options and content, if there is one. */
    public Optional<DatasetInfo> findSameContent(NewDataset dataset) {
        return query("WHERE status = 'complete' AND kind = ? AND format = ? AND content_sha256 = ? AND options = ? "
                + "ORDER BY dataset_id", dataset).stream().findFirst();
    }

    public List<Integer> completeIds(DatasetKind kind) {
        List<Integer> ids = new ArrayList<>();
        for (DatasetInfo d : list()) {
            if (kind == null || d.kind() == kind) {
                ids.add(d.id());
            }
        }
        return ids;
    }

    private List<DatasetInfo> query(String where, NewDataset like) {
        List<DatasetInfo> out = new ArrayList<>();
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM datasets " + where)) {
            if (like != null) {
                ps.setString(1, like.kind().label());
                ps.setString(2, like.format());
                ps.setString(3, like.contentSha256());
                ps.setString(4, like.options());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("listing datasets", e);
        }
        return out;
    }

    private static DatasetInfo read(ResultSet rs) throws SQLException {
        ImportTotals totals = new ImportTotals(rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                rs.getLong(14), rs.getLong(15), rs.getDouble(16));
        Timestamp finished = rs.getTimestamp(9);
        return new DatasetInfo(rs.getInt(1), DatasetKind.ofLabel(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                finished == null ? null : finished.toInstant(), totals);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** On open: datasets a crash left importing are discarded with their rows and fingerprints. */
    public static final class Recovery implements Workspace.Recovery {
        @Override
        public void recover(Workspace workspace) {
            new DatasetStore(workspace).discardUnfinished();
        }
    }
}
