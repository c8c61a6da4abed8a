package io.igw.storage.rejects;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rejected lines back, a page at a time, for the summary and the Data view. */
public final class RejectedRowStore {
    private final Workspace workspace;

    public RejectedRowStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<RejectedRow> page(int datasetId, long offset, int limit) {
        String sql = "SELECT line_no, raw_text, reason FROM rejected_rows WHERE dataset_id = ? ORDER BY line_no "
                + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        List<RejectedRow> rows = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, datasetId);
            ps.setLong(2, offset);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("reading rejected lines", e);
        }
        return rows;
    }

    /** How many lines were rejected for each kind of reason (the reason's text up to its first colon). */
    public Map<String, Long> countsByReason(int datasetId) {
        String sql = "SELECT CASE WHEN POSITION(':' IN reason) > 0 THEN LEFT(reason, POSITION(':' IN reason) - 1) "
                + "ELSE reason END AS kind, COUNT(*) FROM rejected_rows WHERE dataset_id = ? GROUP BY kind ORDER BY 2 DESC";
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("counting rejected lines", e);
        }
        return counts;
    }
}
