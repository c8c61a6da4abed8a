package io.igw.storage.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The graph benchmark's peer: DuckDB (a bench-only dependency, found on the class path at run time) loads the same
 * events, catalogue and item tags (not timed) and then runs, timed, the SQL equivalent of a graph build: decayed
 * (user, item) weights with the strongest behaviour, user → category, brand and tag shares with pruning, each
 * user's top items, sessions by time gap and item ↔ item co-occurrence with lift. It writes no evidence lists.
 */
public final class DuckDbGraphBaseline {
    private final double halfLifeDays;
    private final double pv;
    private final double fav;
    private final double cart;
    private final double buy;
    private final double minShare;
    private final int itemsPerUser;
    private final long sessionGapSeconds;

    /** @param weights the weights of view, fav, cart and buy, in that order */
    public DuckDbGraphBaseline(double halfLifeDays, double[] weights, double minShare, int itemsPerUser, long sessionGapSeconds) {
        this.halfLifeDays = halfLifeDays;
        this.pv = weights[0];
        this.fav = weights[1];
        this.cart = weights[2];
        this.buy = weights[3];
        this.minShare = minShare;
        this.itemsPerUser = itemsPerUser;
        this.sessionGapSeconds = sessionGapSeconds;
    }

    /** Seconds DuckDB takes for the aggregation over a Taobao-layout events file, items.csv and item-tags.csv. */
    public double seconds(Path events, Path items, Path tags, long asOf) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DuckDB is not on the class path: the graph benchmark runs from a source checkout "
                    + "(the graph benchmark's launcher puts app/target/bench-lib on it).");
        }
        double hl = halfLifeDays * 86_400.0;
        double[] w = {0, pv, fav, cart, buy};
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
            st.execute("CREATE TABLE ev AS SELECT * FROM read_csv('" + sql(events) + "', header = false, columns = "
                    + "{'user_id': 'BIGINT', 'item_id': 'BIGINT', 'category_id': 'BIGINT', 'behaviour': 'VARCHAR', 'ts': 'BIGINT'})");
            st.execute("CREATE TABLE items AS SELECT item_id, category_id, brand FROM read_csv('" + sql(items) + "', header = true)");
            st.execute("CREATE TABLE item_tags AS SELECT * FROM read_csv('" + sql(tags) + "', header = true)");
            st.execute(String.format(Locale.ROOT, "CREATE TABLE bw AS SELECT * FROM (VALUES ('pv', %f), ('fav', %f), "
                    + "('cart', %f), ('buy', %f)) t(behaviour, w)", w[1], w[2], w[3], w[4]));
            long t0 = System.nanoTime();
            String[] steps = {
                String.format(Locale.ROOT, "CREATE TABLE pairs AS SELECT user_id, item_id, any_value(category_id) AS category_id, "
                    + "SUM(bw.w * pow(0.5, (%d - ts) / %f)) AS weight, MAX(ts) AS last, "
                    + "arg_max(ev.behaviour, bw.w * pow(0.5, (%d - ts) / %f)) AS best FROM ev JOIN bw USING (behaviour) "
                    + "WHERE ts <= %d GROUP BY user_id, item_id", asOf, hl, asOf, hl, asOf),
                "CREATE TABLE user_category AS SELECT user_id, category_id, SUM(weight) / SUM(SUM(weight)) OVER (PARTITION BY user_id) "
                    + "AS share FROM pairs GROUP BY user_id, category_id QUALIFY share >= " + minShare,
                "CREATE TABLE user_brand AS SELECT user_id, brand, SUM(weight) / SUM(SUM(weight)) OVER (PARTITION BY user_id) "
                    + "AS share FROM pairs JOIN items USING (item_id) GROUP BY user_id, brand QUALIFY share >= " + minShare,
                "CREATE TABLE user_tag AS SELECT user_id, tag, SUM(pairs.weight * item_tags.weight) / SUM(SUM(pairs.weight * item_tags.weight)) "
                    + "OVER (PARTITION BY user_id) AS share FROM pairs JOIN item_tags USING (item_id) GROUP BY user_id, tag "
                    + "QUALIFY share >= " + minShare,
                "CREATE TABLE user_item AS SELECT user_id, item_id, weight / SUM(weight) OVER (PARTITION BY user_id) AS share "
                    + "FROM pairs QUALIFY share >= " + minShare + " AND row_number() OVER (PARTITION BY user_id "
                    + "ORDER BY weight DESC) <= " + itemsPerUser,
                String.format(Locale.ROOT, "CREATE TABLE sessions AS SELECT DISTINCT user_id, sid, item_id FROM ("
                    + "SELECT user_id, item_id, SUM(starts) OVER (PARTITION BY user_id ORDER BY ts, item_id) AS sid FROM ("
                    + "SELECT user_id, item_id, ts, CASE WHEN ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts, item_id) "
                    + "> %d THEN 1 ELSE 0 END AS starts FROM ev WHERE ts <= %d))", sessionGapSeconds, asOf),
                "CREATE TABLE item_sessions AS SELECT item_id, COUNT(*) AS n FROM sessions GROUP BY item_id",
                "CREATE TABLE cooc AS SELECT a.item_id AS a, b.item_id AS b, COUNT(*) AS n FROM sessions a JOIN sessions b "
                    + "ON a.user_id = b.user_id AND a.sid = b.sid AND a.item_id < b.item_id GROUP BY a.item_id, b.item_id HAVING COUNT(*) >= 2",
                "CREATE TABLE item_links AS SELECT a, b, cooc.n * (SELECT COUNT(*) FROM (SELECT DISTINCT user_id, sid FROM sessions)) "
                    + "/ (ia.n * ib.n) AS lift FROM cooc JOIN item_sessions ia ON ia.item_id = a JOIN item_sessions ib "
                    + "ON ib.item_id = b QUALIFY row_number() OVER (PARTITION BY a ORDER BY lift DESC) <= 20"
            };
            for (String step : steps) {
                st.execute(step);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM user_category")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new IllegalStateException("DuckDB's aggregation produced no user → category rows");
                }
            }
            return seconds;
        }
    }

    private static String sql(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }

}
