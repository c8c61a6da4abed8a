package io.igw.storage.graph;

import io.igw.storage.Workspace;
import io.igw.storage.bulk.BulkColumn;
import io.igw.storage.bulk.BulkTable;
import io.igw.storage.bulk.RowSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds of the interest graph: a row in GRAPH_BUILDS, and per build two tables written in one bulk statement each
 * and indexed by user, GRAPH_EDGES_B&lt;id&gt; and GRAPH_EVIDENCE_B&lt;id&gt;. A build still marked {@code building} when
 * a workspace opens was cut short and is removed.
 */
public final class GraphStore {
    public static final List<BulkColumn> EDGE_COLUMNS = List.of(BulkColumn.varchar("kind", 16), BulkColumn.bigint("user_id"),
            BulkColumn.varchar("target", 200), BulkColumn.varchar("label", 300), BulkColumn.real("score"),
            BulkColumn.real("weight"), BulkColumn.bigint("last_time"));
    public static final List<BulkColumn> EVIDENCE_COLUMNS = List.of(BulkColumn.varchar("kind", 16),
            BulkColumn.bigint("user_id"), BulkColumn.varchar("target", 200), BulkColumn.bigint("item_id"),
            BulkColumn.tinyint("behaviour"), BulkColumn.bigint("event_time"), BulkColumn.real("weight"));

    private final Workspace workspace;

    public GraphStore(Workspace workspace) {
        this.workspace = workspace;
    }

    static String edges(int build) {
        return "GRAPH_EDGES_B" + build;
    }

    static String evidence(int build) {
        return "GRAPH_EVIDENCE_B" + build;
    }

    public int begin(long asOf, double halfLifeDays, String parameters, String dataVersion) {
        String sql = "INSERT INTO graph_builds(status, built_at, as_of, half_life_days, parameters, data_version) "
                + "VALUES ('building', ?, ?, ?, ?, ?)";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, asOf);
            ps.setDouble(3, halfLifeDays);
            ps.setString(4, parameters);
            ps.setString(5, dataVersion);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        } catch (SQLException e) {
            throw workspace.failure("registering a graph build", e);
        }
    }

    /** Writes the build's edges (rows in {@link #EDGE_COLUMNS} order) and indexes them by user. */
    public long writeEdges(int build, RowSource rows) throws Exception {
        long n = BulkTable.create(workspace, edges(build), EDGE_COLUMNS, rows);
        index(edges(build));
        return n;
    }

    /** Writes the build's evidence (rows in {@link #EVIDENCE_COLUMNS} order) and indexes it by user. */
    public long writeEvidence(int build, RowSource rows) throws Exception {
        long n = BulkTable.create(workspace, evidence(build), EVIDENCE_COLUMNS, rows);
        index(evidence(build));
        return n;
    }

    private void index(String table) {
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE INDEX " + table + "_USER ON " + table + "(user_id)");
        } catch (SQLException e) {
            throw workspace.failure("indexing " + table, e);
        }
    }

    public void complete(int build, long events, double seconds) {
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE graph_builds SET status = 'complete', events = ?, seconds = ? WHERE build_id = ?")) {
            ps.setLong(1, events);
            ps.setDouble(2, seconds);
            ps.setInt(3, build);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw workspace.failure("completing the graph build", e);
        }
    }

    public void discard(int build) {
        BulkTable.drop(workspace, edges(build));
        BulkTable.drop(workspace, evidence(build));
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM graph_builds WHERE build_id = ?")) {
            ps.setInt(1, build);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw workspace.failure("removing graph build " + build, e);
        }
    }

    /** Removes builds a crash or kill left unfinished; called when a workspace opens. */
    public void discardUnfinished() {
        List<Integer> unfinished = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT build_id FROM graph_builds WHERE status <> 'complete'")) {
            while (rs.next()) {
                unfinished.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw workspace.failure("looking for unfinished graph builds", e);
        }
        unfinished.forEach(this::discard);
    }

    public Optional<GraphBuild> latest() {
        String sql = "SELECT build_id, built_at, as_of, half_life_days, parameters, data_version, events, seconds "
                + "FROM graph_builds WHERE status = 'complete' ORDER BY build_id DESC FETCH FIRST 1 ROW ONLY";
        try (Connection c = workspace.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new GraphBuild(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getDouble(4),
                    rs.getString(5), rs.getString(6), rs.getLong(7), rs.getDouble(8)));
        } catch (SQLException e) {
            throw workspace.failure("reading graph builds", e);
        }
    }

    /** Edges per kind in a build. */
    public Map<String, Long> edgeCounts(int build) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, COUNT(*) FROM " + edges(build) + " GROUP BY kind ORDER BY kind")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw workspace.failure("counting graph edges", e);
        }
        return counts;
    }

    /** A user's interests of one kind (or all kinds when null), strongest first within each kind. */
    public List<Interest> interests(int build, long userId, String kind) {
        List<Interest> out = new ArrayList<>();
        String sql = "SELECT kind, user_id, target, label, score, weight, last_time FROM " + edges(build)
                + " WHERE user_id = ?" + (kind == null ? "" : " AND kind = ?") + " ORDER BY kind, score DESC, target";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            if (kind != null) {
                ps.setString(2, kind);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Interest(rs.getLong(2), rs.getString(1), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("reading interests", e);
        }
        return out;
    }

    /** The evidence behind a user's interests, strongest first. */
    public List<Evidence> evidence(int build, long userId) {
        List<Evidence> out = new ArrayList<>();
        String sql = "SELECT kind, user_id, target, item_id, behaviour, event_time, weight FROM " + evidence(build)
                + " WHERE user_id = ? ORDER BY weight DESC";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Evidence(rs.getLong(2), rs.getString(1), rs.getString(3), rs.getLong(4), rs.getByte(5),
                            rs.getLong(6), rs.getDouble(7)));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("reading evidence", e);
        }
        return out;
    }

    /** Every user with an interest in the build, ascending. */
    public List<Long> users(int build) {
        List<Long> users = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT user_id FROM " + edges(build) + " ORDER BY user_id")) {
            while (rs.next()) {
                users.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw workspace.failure("listing graph users", e);
        }
        return users;
    }
}
