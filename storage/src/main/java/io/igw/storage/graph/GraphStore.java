package io.igw.storage.graph;

import io.igw.storage.Workspace;
import io.igw.storage.bulk.BulkTable;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;

/**
 * Builds of the interest graph: a row in GRAPH_BUILDS (status, parameters, as-of time, data version) and the
 * build's arrays in the column folder {@code graphs/B<id>/}. A build still marked {@code building} when a workspace
 * opens was cut short and is removed, as is any build whose folder is gone. Unpinned builds beyond the newest
 * {@link #KEEP_UNPINNED} are removed when a new one completes; pinned ones (snapshots) stay until unpinned.
 */
public final class GraphStore {
    public static final int KEEP_UNPINNED = 5;
    private static final String COLUMNS = "build_id, built_at, as_of, half_life_days, parameters, data_version, events, "
            + "seconds, made_by, based_on, pinned_as";

    private final Workspace workspace;

    /** The status of a build whose files were found damaged. */
    private static final String DAMAGED = "damaged";

    public GraphStore(Workspace workspace) {
        this.workspace = workspace;
    }

    private Path root() {
        return workspace.folder().resolve("graphs");
    }

    Path folder(int build) {
        return root().resolve("B" + build);
    }

    /** A folder for something derived from the catalogue alone (item tags, item facts), named by what and which version. */
    public Path catalogueCache(String what, String catalogueVersion) {
        return root().resolve(what + "-" + catalogueVersion.replaceAll("[^0-9A-Za-z_-]", "_"));
    }

    public int begin(long asOf, double halfLifeDays, String parameters, String dataVersion, Integer basedOn) {
        return begin(asOf, halfLifeDays, parameters, dataVersion, basedOn, basedOn == null ? "full" : "update");
    }

    /** Registers a build in progress; {@code madeBy} says how (full, update, spark: at most 12 characters). */
    public int begin(long asOf, double halfLifeDays, String parameters, String dataVersion, Integer basedOn, String madeBy) {
        String sql = "INSERT INTO graph_builds(status, built_at, as_of, half_life_days, parameters, data_version, made_by, "
                + "based_on) VALUES ('building', ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setLong(2, asOf);
            ps.setDouble(3, halfLifeDays);
            ps.setString(4, parameters);
            ps.setString(5, dataVersion);
            ps.setString(6, madeBy);
            if (basedOn == null) {
                ps.setNull(7, java.sql.Types.INTEGER);
            } else {
                ps.setInt(7, basedOn);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        } catch (SQLException e) {
            throw workspace.failure("registering a graph build", e);
        }
    }

    /** The writer of a build's arrays; {@link ColumnFolderWriter#commit()} it before {@link #complete}. */
    public ColumnFolderWriter writer(int build) {
        try {
            Files.createDirectories(root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ColumnFolderWriter(folder(build));
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
        workspace.syncToDisk(); // the new build is on disk before retain() deletes an old one
        retain();
    }

    /** Pins a build as a named snapshot (kept for good), or unpins it when {@code name} is null. */
    public void pin(int build, String name) {
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE graph_builds SET pinned_as = ? WHERE build_id = ? AND status = 'complete'")) {
            ps.setString(1, name);
            ps.setInt(2, build);
            if (ps.executeUpdate() == 0) {
                throw new IllegalArgumentException("There is no graph build " + build + " in this workspace.");
            }
        } catch (SQLException e) {
            throw workspace.failure("pinning graph build " + build, e);
        }
    }

    private void retain() {
        List<GraphBuild> unpinned = list().stream().filter(b -> b.pinnedAs() == null).toList();
        for (int k = KEEP_UNPINNED; k < unpinned.size(); k++) {
            discard(unpinned.get(k).id());
        }
    }

    public void discard(int build) {
        BulkTable.drop(workspace, "GRAPH_EDGES_B" + build);    // builds made before graphs had folders
        BulkTable.drop(workspace, "GRAPH_EVIDENCE_B" + build);
        try {
            ColumnFolderWriter.deleteTree(folder(build));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM graph_builds WHERE build_id = ?")) {
            ps.setInt(1, build);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw workspace.failure("removing graph build " + build, e);
        }
    }

    /**
     * Removes builds a crash or kill left unfinished, and builds whose folder is missing; called on open. Builds
     * marked damaged keep their rows (not their folders) until they are rebuilt.
     */
    public void discardUnfinished() {
        List<Integer> gone = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT build_id, status FROM graph_builds")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                String status = rs.getString(2);
                if (!"complete".equals(status) && !DAMAGED.equals(status) || "complete".equals(status) && !ColumnFolder.exists(folder(id))) {
                    gone.add(id);
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("looking for unfinished graph builds", e);
        }
        gone.forEach(this::discard);
        ColumnFolderWriter.deleteLeftovers(root());
        if (Files.isDirectory(root())) {
            java.util.Set<String> kept = new java.util.HashSet<>();
            list().forEach(b -> kept.add("B" + b.id()));
            try (Stream<Path> entries = Files.list(root())) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("B") && !kept.contains(name)) {
                        ColumnFolderWriter.deleteTree(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Complete builds, newest first. */
    public List<GraphBuild> list() {
        return query("complete");
    }

    /**
     * Marks a build whose files are damaged: it is no longer listed or opened (the build before it is current
     * again), and its row is kept, with its parameters, until it is rebuilt or discarded.
     */
    public void markDamaged(int build) {
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE graph_builds SET status = '" + DAMAGED + "' WHERE build_id = ?")) {
            ps.setInt(1, build);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw workspace.failure("marking graph build " + build + " damaged", e);
        }
    }

    /** The builds marked damaged, newest first. */
    public List<GraphBuild> damaged() {
        return query(DAMAGED);
    }

    private List<GraphBuild> query(String status) {
        List<GraphBuild> builds = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM graph_builds WHERE status = '" + status + "' ORDER BY build_id DESC";
        try (Connection c = workspace.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int basedOnId = rs.getInt(10);
                Integer basedOn = rs.wasNull() ? null : basedOnId;
                builds.add(new GraphBuild(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getDouble(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getDouble(8), rs.getString(9), basedOn,
                        rs.getString(11)));
            }
        } catch (SQLException e) {
            throw workspace.failure("reading graph builds", e);
        }
        return builds;
    }

    public Optional<GraphBuild> latest() {
        List<GraphBuild> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public Optional<GraphBuild> find(int build) {
        return list().stream().filter(b -> b.id() == build).findFirst();
    }

    /** The folder of a complete build's arrays, where derived results (its communities) are kept beside it. */
    public Path columnsPath(int build) {
        return folder(build);
    }

    /** A complete build's arrays. */
    public ColumnFolder columns(int build) {
        return ColumnFolder.open(folder(build));
    }


    /** On open: builds a crash left unfinished are removed. */
    public static final class Recovery implements Workspace.Recovery {
        @Override
        public void recover(Workspace workspace) {
            new GraphStore(workspace).discardUnfinished();
        }
    }
}
