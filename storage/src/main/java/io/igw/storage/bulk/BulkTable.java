package io.igw.storage.bulk;

import io.igw.storage.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a new table from a stream of rows in one {@code CREATE TABLE … AS SELECT}: H2's fastest write path. If the
 * stream throws, the half-built table is dropped and the stream's exception is rethrown as it was.
 */
public final class BulkTable {
    private BulkTable() {
    }

    /** Creates {@code table} with the columns and the rows of {@code source}; returns the number of rows. */
    public static long create(Workspace workspace, String table, List<BulkColumn> columns, RowSource source) throws Exception {
        Throwable[] failure = new Throwable[1];
        long token = RowStreamFunction.register(columns, source, failure);
        String definitions = columns.stream().map(c -> c.name() + " " + c.sqlType()).collect(Collectors.joining(", "));
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE ALIAS IF NOT EXISTS " + RowStreamFunction.ALIAS + " FOR '"
                    + RowStreamFunction.class.getName() + ".rows'");
            st.execute("CREATE TABLE " + table + "(" + definitions + ") AS SELECT * FROM " + RowStreamFunction.ALIAS
                    + "(" + token + ")");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            drop(workspace, table);
            if (failure[0] instanceof Exception streamFailure) {
                throw streamFailure;
            }
            if (failure[0] instanceof Error error) {
                throw error;
            }
            throw workspace.failure("writing " + table, e);
        } finally {
            RowStreamFunction.unregister(token);
        }
    }

    public static void drop(Workspace workspace, String table) {
        try (Connection c = workspace.connection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw workspace.failure("dropping " + table, e);
        }
    }
}
