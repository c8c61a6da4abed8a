package io.igw.engine.ingest;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads a workspace with plain SQL, to check what an import really left behind. */
final class WorkspaceProbe {
    private WorkspaceProbe() {
    }

    static long count(Workspace ws, String sql) {
        try (Connection c = ws.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long events(Workspace ws) {
        return count(ws, "SELECT COUNT(*) FROM events");
    }

    static long partitions(Workspace ws) {
        return count(ws, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'EVENTS\\_D%'");
    }

    static String reasonAt(Workspace ws, long line) {
        try (Connection c = ws.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT reason FROM rejected_rows WHERE line_no = " + line)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
