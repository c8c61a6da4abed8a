package io.igw.storage.models;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stored evaluation results: one row per model and run, with the protocol and data they were measured on. */
public final class EvaluationStore {
    /** One stored result; {@code metrics} is JSON with the means and standard deviations. */
    public record Stored(int id, Instant at, String model, String parameters, String split, double ratio, int k,
                         String seeds, String dataVersion, String metrics, double trainSeconds) {
        private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("\"([a-z]+@\\d+)\":(-?[0-9.Ee+-]+)");

        /** The mean figures (metric → value), read from {@link #metrics}. */
        public java.util.Map<String, Double> mean() {
            int from = metrics.indexOf("\"mean\":");
            int to = metrics.indexOf('}', Math.max(0, from));
            java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
            if (from < 0 || to < 0) {
                return out;
            }
            java.util.regex.Matcher m = FIGURE.matcher(metrics.substring(from, to));
            while (m.find()) {
                out.put(m.group(1), Double.parseDouble(m.group(2)));
            }
            return out;
        }

        /** The protocol in a few words: "random 80/20 · K=20 · seeds 1,2,3", or the hold-out a training run used. */
        public String protocol() {
            if ("holdout".equals(split)) {
                return String.format(java.util.Locale.ROOT, "training hold-out %d%% · K=%d", Math.round(100 * (1 - ratio)), k);
            }
            return String.format(java.util.Locale.ROOT, "%s %d/%d · K=%d · seeds %s", split, Math.round(100 * ratio),
                    Math.round(100 * (1 - ratio)), k, seeds);
        }
    }

    private final Workspace workspace;

    public EvaluationStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public int save(String model, String parameters, String split, double ratio, int k, String seeds, String dataVersion,
                    String metricsJson, double trainSeconds) {
        String sql = "INSERT INTO model_evaluations(evaluated_at, model, parameters, split, ratio, k, seeds, data_version, "
                + "metrics, train_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, model);
            ps.setString(3, parameters);
            ps.setString(4, split);
            ps.setDouble(5, ratio);
            ps.setInt(6, k);
            ps.setString(7, seeds);
            ps.setString(8, dataVersion);
            ps.setString(9, metricsJson);
            ps.setDouble(10, trainSeconds);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        } catch (SQLException e) {
            throw workspace.failure("saving an evaluation", e);
        }
    }

    /** Every stored result, newest first. */
    public List<Stored> list() {
        List<Stored> out = new ArrayList<>();
        String sql = "SELECT evaluation_id, evaluated_at, model, parameters, split, ratio, k, seeds, data_version, metrics, "
                + "train_seconds FROM model_evaluations ORDER BY evaluation_id DESC";
        try (Connection c = workspace.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Stored(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getDouble(11)));
            }
        } catch (SQLException e) {
            throw workspace.failure("reading evaluations", e);
        }
        return out;
    }
}
