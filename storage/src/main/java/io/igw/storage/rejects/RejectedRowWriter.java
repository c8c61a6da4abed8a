package io.igw.storage.rejects;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records rejected lines in batches on a connection of its own, so that it can run while the event partition is
 * being written. Rows are tagged with the dataset and removed with it if the import does not complete.
 */
public final class RejectedRowWriter implements AutoCloseable {
    static final int MAX_RAW_CHARS = 2000;
    private static final int BATCH = 1000;

    private final Workspace workspace;
    private final int datasetId;
    private final Connection connection;
    private final PreparedStatement insert;
    private int pending;

    public RejectedRowWriter(Workspace workspace, int datasetId) {
        this.workspace = workspace;
        this.datasetId = datasetId;
        this.connection = workspace.connection();
        try {
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(
                    "INSERT INTO rejected_rows(dataset_id, line_no, raw_text, reason) VALUES (?, ?, ?, ?)");
        } catch (SQLException e) {
            closeQuietly();
            throw workspace.failure("preparing the rejected-rows table", e);
        }
    }

    public void add(long lineNo, String rawText, String reason) {
        try {
            insert.setInt(1, datasetId);
            insert.setLong(2, lineNo);
            insert.setString(3, clip(rawText, MAX_RAW_CHARS));
            insert.setString(4, clip(reason, 300));
            insert.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw workspace.failure("recording a rejected line", e);
        }
    }

    public void flush() {
        if (pending == 0) {
            return;
        }
        try {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        } catch (SQLException e) {
            throw workspace.failure("recording rejected lines", e);
        }
    }

    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to save; the dataset's status decides whether these rows stay
        }
    }
}
