package io.igw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.events.EventRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** igw export parquet writes every event and the catalogue, with nulls where the workbench has none. */
class ParquetExportTest {
    @TempDir
    Path tmp;

    @Test
    void everyEventAndTheCatalogueReadBackInSpark() throws Exception {
        Path rated = Files.writeString(tmp.resolve("rated.csv"), String.join("\n",
                "user_id,item_id,category_id,behaviour,timestamp,rating",
                "1,10,100,view,1700000000,0",
                "1,11,,buy,1700000060,0",
                "2,12,101,rate,1700000180,4") + "\n");
        Path plain = Files.writeString(tmp.resolve("plain.csv"), String.join("\n",
                "user_id,item_id,category_id,behaviour,timestamp",
                "2,10,100,fav,1700000120") + "\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            for (Path csv : List.of(rated, plain)) {
                new io.igw.engine.ingest.WorkspaceImport(ws, io.igw.engine.ingest.ImportRequest.events(
                        io.igw.engine.ingest.ImportFormat.GENERIC, csv)).run(JobContext.quiet());
            }
            Path out = tmp.resolve("parquet");
            Files.createDirectories(out.resolve("events"));
            Files.writeString(out.resolve("events").resolve("dataset-99.parquet"), "left by an earlier export");
            Map<String, Object> summary = new ParquetExport(ws, out).run(JobContext.quiet());
            assertEquals(4L, summary.get("events"));
            assertEquals(2, summary.get("event_files"));
            assertTrue(Files.notExists(out.resolve("events").resolve("dataset-99.parquet")), "an earlier export's file is gone");

            SparkSession spark = SparkSessions.start("local[1]", 1);
            try {
                List<Row> rows = spark.read().parquet(ParquetExport.events(out).toString()).orderBy("time").collectAsList();
                assertEquals(4, rows.size());
                assertEquals(List.of("user_id", "item_id", "category_id", "behaviour", "time", "strength"),
                        List.of(rows.get(0).schema().fieldNames()));
                assertEquals(1L, rows.get(0).getLong(0));
                assertEquals(100L, rows.get(0).getLong(2));
                assertEquals("view", rows.get(0).getString(3));
                assertEquals(1_700_000_000L, rows.get(0).getLong(4));
                assertEquals(0f, rows.get(0).getFloat(5));
                assertTrue(rows.get(2).isNullAt(5), "a dataset without strengths: null");
                assertEquals(4f, rows.get(3).getFloat(5));
                assertTrue(rows.get(1).isNullAt(2), "no category: null, not " + EventRow.NO_CATEGORY);
                assertEquals("buy", rows.get(1).getString(3));
                assertEquals(List.of("view", "buy", "fav", "rate"), rows.stream().map(r -> r.getString(3)).toList());
                assertTrue(Files.exists(out.resolve("items.parquet")) && Files.exists(out.resolve("categories.parquet")));
            } finally {
                spark.stop();
            }
        }
    }
}
