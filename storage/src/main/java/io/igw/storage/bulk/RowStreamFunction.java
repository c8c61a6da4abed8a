package io.igw.storage.bulk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.tools.SimpleResultSet;
import org.h2.tools.SimpleRowSource;

/**
 * The H2 table function behind {@code IGW_ROW_STREAM(token)}: it hands a registered {@link RowSource} to H2 as a
 * result set, so that {@code CREATE TABLE … AS SELECT} takes H2's bulk path (measured ~1.7x faster than CSVREAD and
 * ~3x faster than any INSERT into an existing table). H2 calls it with the same token to learn the columns, then to
 * stream the rows.
 */
public final class RowStreamFunction {
    static final String ALIAS = "IGW_ROW_STREAM";

    private static final Map<Long, Registration> STREAMS = new ConcurrentHashMap<>();
    private static final AtomicLong TOKENS = new AtomicLong();

    private RowStreamFunction() {
    }

    record Registration(List<BulkColumn> columns, RowSource source, Throwable[] failure) {
    }

    static long register(List<BulkColumn> columns, RowSource source, Throwable[] failure) {
        long token = TOKENS.incrementAndGet();
        STREAMS.put(token, new Registration(List.copyOf(columns), source, failure));
        return token;
    }

    static void unregister(long token) {
        STREAMS.remove(token);
    }

    /** Called by H2. */
    public static ResultSet rows(Connection connection, long token) throws SQLException {
        Registration registration = STREAMS.get(token);
        if (registration == null) {
            throw new SQLException("no row stream registered as " + token);
        }
        boolean shapeOnly = "jdbc:columnlist:connection".equals(connection.getMetaData().getURL());
        SimpleResultSet rs = shapeOnly ? new SimpleResultSet() : new SimpleResultSet(new Rows(registration));
        for (BulkColumn c : registration.columns()) {
            rs.addColumn(c.name().toUpperCase(java.util.Locale.ROOT), c.jdbcType(), 0, 0);
        }
        return rs;
    }

    private record Rows(Registration registration) implements SimpleRowSource {
        @Override
        public Object[] readRow() throws SQLException {
            try {
                return registration.source().next();
            } catch (Exception e) {
                registration.failure()[0] = e;
                throw new SQLException("row stream stopped: " + e, e);
            }
        }

        @Override
        public void close() {
            // the source belongs to its producer, which closes what it opened
        }

        @Override
        public void reset() throws SQLException {
            throw new SQLException("a row stream can be read only once");
        }
    }
}
