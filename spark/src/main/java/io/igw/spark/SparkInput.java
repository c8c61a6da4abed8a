package io.igw.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a Spark job's events, saying in one line what is wrong with a path or a file that is not the layout. */
final class SparkInput {
    static final List<String> COLUMNS = List.of("user_id", "item_id", "category_id", "behaviour", "time", "strength");

    private SparkInput() {
    }

    static Dataset<Row> events(SparkSession spark, String path) {
        Dataset<Row> events;
        try {
            events = spark.read().parquet(path);
        } catch (Exception e) {
            if (e instanceof AnalysisException) {
                throw new IllegalArgumentException("Spark cannot read --input " + path + ": " + firstLine(e.getMessage()));
            }
            throw e;
        }
        List<String> has = Arrays.asList(events.columns());
        List<String> missing = COLUMNS.stream().filter(c -> !has.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--input " + path + " lacks the column(s) " + String.join(", ", missing)
                    + ": the events must be in igw export parquet's layout (" + String.join(", ", COLUMNS) + ").");
        }
        return events.select(COLUMNS.stream().map(events::col).toArray(org.apache.spark.sql.Column[]::new));
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
