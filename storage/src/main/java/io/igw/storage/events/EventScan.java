package io.igw.storage.events;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads every event of the workspace once, in order of storage, into a visitor; no row objects are kept. */
public final class EventScan {
    /** Receives one event; {@code category} is {@link EventRow#NO_CATEGORY} and {@code strength} NaN when absent. */
    @FunctionalInterface
    public interface Visitor {
        void event(long user, long item, long category, byte behaviour, long time, float strength) throws Exception;
    }

    private final Workspace workspace;

    public EventScan(Workspace workspace) {
        this.workspace = workspace;
    }

    public long scan(Visitor visitor) throws Exception {
        long n = 0;
        String sql = "SELECT user_id, item_id, category_id, behaviour, event_time, strength FROM events";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long category = rs.getLong(3);
                    if (rs.wasNull()) {
                        category = EventRow.NO_CATEGORY;
                    }
                    float strength = rs.getFloat(6);
                    if (rs.wasNull()) {
                        strength = Float.NaN;
                    }
                    visitor.event(rs.getLong(1), rs.getLong(2), category, rs.getByte(4), rs.getLong(5), strength);
                    n++;
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("reading events", e);
        }
        return n;
    }
}
