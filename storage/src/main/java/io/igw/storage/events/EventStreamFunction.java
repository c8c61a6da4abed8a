package io.igw.storage.events;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.tools.SimpleResultSet;
import org.h2.tools.SimpleRowSource;

/**
 * The H2 table function behind {@code IGW_EVENT_STREAM(token)}: it hands a registered {@link EventStream} to H2 as
 * a result set, so that {@code CREATE TABLE … AS SELECT} can take H2's bulk path (measured ~1.7x faster than
 * CSVREAD and ~3x faster than any INSERT into an existing table).
 */
public final class EventStreamFunction {
    static final String ALIAS = "IGW_EVENT_STREAM";

    private static final Map<Long, Registration> STREAMS = new ConcurrentHashMap<>();
    private static final AtomicLong TOKENS = new AtomicLong();

    private EventStreamFunction() {
    }

    record Registration(int datasetId, EventStream stream, Throwable[] failure) {
    }

    static long register(int datasetId, EventStream stream, Throwable[] failure) {
        long token = TOKENS.incrementAndGet();
        STREAMS.put(token, new Registration(datasetId, stream, failure));
        return token;
    }

    static void unregister(long token) {
        STREAMS.remove(token);
    }

    /** Called by H2: once with a column-list connection to learn the shape, then once to stream the rows. */
    public static ResultSet rows(Connection connection, long token) throws SQLException {
        boolean shapeOnly = "jdbc:columnlist:connection".equals(connection.getMetaData().getURL());
        Registration registration = shapeOnly ? null : STREAMS.get(token);
        SimpleResultSet rs = registration == null ? new SimpleResultSet() : new SimpleResultSet(new Rows(registration));
        rs.addColumn("USER_ID", Types.BIGINT, 19, 0);
        rs.addColumn("ITEM_ID", Types.BIGINT, 19, 0);
        rs.addColumn("CATEGORY_ID", Types.BIGINT, 19, 0);
        rs.addColumn("BEHAVIOUR", Types.TINYINT, 3, 0);
        rs.addColumn("EVENT_TIME", Types.BIGINT, 19, 0);
        rs.addColumn("SESSION_ID", Types.VARCHAR, 200, 0);
        rs.addColumn("QUANTITY", Types.INTEGER, 10, 0);
        rs.addColumn("STRENGTH", Types.REAL, 7, 0);
        return rs;
    }

    private static final class Rows implements SimpleRowSource {
        private final Registration registration;
        private final EventRow row = new EventRow();

        Rows(Registration registration) {
            this.registration = registration;
        }

        @Override
        public Object[] readRow() throws SQLException {
            row.clear();
            boolean more;
            try {
                more = registration.stream().next(row);
            } catch (Exception e) {
                registration.failure()[0] = e;
                throw new SQLException("import stream stopped: " + e, e);
            }
            if (!more) {
                return null;
            }
            return new Object[]{
                row.userId, row.itemId,
                row.categoryId == EventRow.NO_CATEGORY ? null : row.categoryId,
                row.behaviour, row.eventTime, row.sessionId,
                row.quantity == EventRow.NO_QUANTITY ? null : row.quantity,
                Float.isNaN(row.strength) ? null : row.strength
            };
        }

        @Override
        public void close() {
            // the stream belongs to the importer, which closes its own file
        }

        @Override
        public void reset() throws SQLException {
            throw new SQLException("an import stream can be read only once");
        }
    }
}
