package io.igw.storage.models;

import io.igw.storage.Workspace;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The model registry: trained models with their provenance, validation figures and training curve in
 * {@code trained_models}, and their learned state in a column folder {@code models/M<id>/} of the workspace.
 * A model is registered first, its folder written and committed, then marked complete; anything a crash left
 * half-done is removed when the workspace opens.
 */
public final class ModelStore {
    /**
     * A model about to be written: its kind, settings, seed and data (kept in columns to list and filter by) and its
     * whole provenance as the engine writes it (JSON).
     */
    public record Registration(String model, String parameters, long seed, String dataVersion, int users, int items,
                               long interactions, Instant trainedAt, String provenanceJson) {
    }

    /** A stored model. {@code provenanceJson}, {@code metrics} and {@code curve} are JSON. */
    public record TrainedModel(int id, Instant trainedAt, String model, String provenanceJson, int epochs, String metrics,
                               String curve, double trainSeconds) {
    }

    private final Workspace workspace;

    public ModelStore(Workspace workspace) {
        this.workspace = workspace;
    }

    private Path root() {
        return workspace.folder().resolve("models");
    }

    Path folder(int id) {
        return root().resolve("M" + id);
    }

    /** Registers a model about to be written; returns its id. */
    public int begin(Registration p) {
        String sql = "INSERT INTO trained_models(status, trained_at, model, parameters, seed, data_version, users, items, "
                + "interactions, provenance, epochs, metrics, curve, train_seconds) "
                + "VALUES ('training', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '{}', '[]', 0)";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(p.trainedAt()));
            ps.setString(2, p.model());
            ps.setString(3, p.parameters());
            ps.setLong(4, p.seed());
            ps.setString(5, p.dataVersion());
            ps.setInt(6, p.users());
            ps.setInt(7, p.items());
            ps.setLong(8, p.interactions());
            ps.setString(9, p.provenanceJson());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        } catch (SQLException e) {
            throw workspace.failure("registering a model", e);
        }
    }

    /** The writer of a model's state; commit it before {@link #complete}. */
    public ColumnFolderWriter writer(int id) {
        try {
            Files.createDirectories(root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ColumnFolderWriter(folder(id));
    }

    public void complete(int id, int epochs, String metricsJson, String curveJson, double trainSeconds) {
        String sql = "UPDATE trained_models SET status = 'complete', epochs = ?, metrics = ?, curve = ?, train_seconds = ? "
                + "WHERE model_id = ?";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, epochs);
            ps.setString(2, metricsJson);
            ps.setString(3, curveJson);
            ps.setDouble(4, trainSeconds);
            ps.setInt(5, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw workspace.failure("completing model " + id, e);
        }
        workspace.syncToDisk();
    }

    public void discard(int id) {
        try {
            ColumnFolderWriter.deleteTree(folder(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement("DELETE FROM trained_models WHERE model_id = ?")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw workspace.failure("removing model " + id, e);
        }
    }

    /** Removes models a crash left unfinished or whose folder is gone, and folders nobody lists; called on open. */
    public void discardUnfinished() {
        List<Integer> gone = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT model_id, status FROM trained_models")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                String status = rs.getString(2);
                if (!"complete".equals(status) && !DAMAGED.equals(status) || "complete".equals(status) && !ColumnFolder.exists(folder(id))) {
                    gone.add(id);
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("looking for unfinished models", e);
        }
        gone.forEach(this::discard);
        ColumnFolderWriter.deleteLeftovers(root());
        if (Files.isDirectory(root())) {
            Set<String> kept = new HashSet<>();
            list().forEach(m -> kept.add("M" + m.id()));
            try (Stream<Path> entries = Files.list(root())) {
                for (Path p : entries.toList()) {
                    if (!kept.contains(p.getFileName().toString())) {
                        ColumnFolderWriter.deleteTree(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every complete model, newest first. */
    public List<TrainedModel> list() {
        return query("WHERE status = 'complete' ORDER BY model_id DESC", null);
    }

    /** The status of a model whose files were found damaged: not listed or loaded, kept as a row until retrained. */
    private static final String DAMAGED = "damaged";

    public void markDamaged(int id) {
        try (Connection c = workspace.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE trained_models SET status = '" + DAMAGED + "' WHERE model_id = ?")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw workspace.failure("marking model " + id + " damaged", e);
        }
    }

    /** The models marked damaged, newest first. */
    public List<TrainedModel> damaged() {
        return query("WHERE status = '" + DAMAGED + "' ORDER BY model_id DESC", null);
    }

    /** Where the model's files are. */
    public Path folderOf(int id) {
        return folder(id);
    }

    public Optional<TrainedModel> find(int id) {
        return query("WHERE status = 'complete' AND model_id = ?", id).stream().findFirst();
    }

    /** The newest complete model of that name, or the newest of any when {@code model} is null. */
    public Optional<TrainedModel> latest(String model) {
        return list().stream().filter(m -> model == null || m.model().equals(model)).findFirst();
    }

    public ColumnFolder state(int id) {
        return ColumnFolder.open(folder(id));
    }

    private List<TrainedModel> query(String where, Integer id) {
        String sql = "SELECT model_id, trained_at, model, provenance, epochs, metrics, curve, train_seconds FROM trained_models "
                + where;
        List<TrainedModel> out = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setInt(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrainedModel(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7), rs.getDouble(8)));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("reading the model registry", e);
        }
        return out;
    }

    /** On open: models a crash left unfinished are removed. */
    public static final class Recovery implements Workspace.Recovery {
        @Override
        public void recover(Workspace workspace) {
            new ModelStore(workspace).discardUnfinished();
        }
    }
}
