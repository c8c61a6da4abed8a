package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is stored is exactly what was read: the bundled sample (35,773 events, many batches) round-trips. */
class StoredEventsTest {
    private static final Map<String, Integer> CODES = Map.of("pv", 1, "fav", 2, "cart", 3, "buy", 4);

    @TempDir
    Path tmp;

    @Test
    void everyStoredEventEqualsItsLineInTheFile() throws Exception {
        Path file = Path.of("..", "sample-data", "events.csv");
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(",");
            expected.add(f[0] + "," + f[1] + "," + f[2] + "," + CODES.get(f[3]) + "," + f[4]);
        }
        assertTrue(expected.size() > 5 * EventPipeline.BATCH, "the sample spans many batches");
        Collections.sort(expected);

        List<String> stored = new ArrayList<>();
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            TestJobs.importOne(ws, ImportFormat.TAOBAO, file);
            try (Connection c = ws.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT user_id, item_id, category_id, behaviour, event_time FROM events")) {
                while (rs.next()) {
                    stored.add(rs.getLong(1) + "," + rs.getLong(2) + "," + rs.getLong(3) + "," + rs.getInt(4) + "," + rs.getLong(5));
                }
            }
        }
        Collections.sort(stored);
        // the sample holds exact repeats, which are skipped: compare against the distinct lines
        List<String> distinct = expected.stream().distinct().toList();
        assertEquals(distinct.size(), stored.size());
        assertEquals(distinct, stored);
    }
}
