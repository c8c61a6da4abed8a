package io.igw.storage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The peer the import benchmark is measured against: H2's own bulk path, {@code CREATE TABLE … AS SELECT … FROM
 * CSVREAD(…)}, into a fresh database, with no validation at all.
 */
public final class CsvReadBaseline {
    private CsvReadBaseline() {
    }

    /** Returns the seconds H2 takes to bulk-load the headerless CSV with the given column names. */
    public static double seconds(Path csv, String columnNames) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("igw-csvread");
        try {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("baseline"), "sa", "");
                 Statement st = c.createStatement()) {
                long t0 = System.nanoTime();
                st.execute("CREATE TABLE raw AS SELECT * FROM CSVREAD('" + csv.toAbsolutePath().toString().replace("'", "''")
                        + "', '" + columnNames + "', 'charset=UTF-8')");
                return (System.nanoTime() - t0) / 1e9;
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
