package io.igw.spark;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Behaviour;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import io.igw.storage.events.EventRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * {@code igw export parquet}: a workspace's events and catalogue as Parquet, the layout the Spark jobs read (and that
 * Spark, DuckDB or pandas open as they are). Under the folder: {@code events/dataset-N.parquet} per imported events
 * dataset, streamed a slice at a time from the column files; {@code items.parquet} and {@code categories.parquet}.
 * Times are epoch seconds; a missing category or strength is null.
 */
public final class ParquetExport implements Job<Map<String, Object>> {
    static final MessageType EVENTS = MessageTypeParser.parseMessageType("""
            message event {
              required int64 user_id;
              required int64 item_id;
              optional int64 category_id;
              required binary behaviour (STRING);
              required int64 time;
              optional float strength;
            }""");
    static final MessageType ITEMS = MessageTypeParser.parseMessageType("""
            message item {
              required int64 item_id;
              optional int64 category_id;
              optional binary brand (STRING);
              optional binary title (STRING);
            }""");
    static final MessageType CATEGORIES = MessageTypeParser.parseMessageType("""
            message category {
              required int64 category_id;
              optional int64 parent_id;
              optional binary name (STRING);
              optional binary name_zh (STRING);
            }""");

    private final Workspace workspace;
    private final Path folder;

    public ParquetExport(Workspace workspace, Path folder) {
        this.workspace = workspace;
        this.folder = folder;
    }

    /** The folder the workspace's events are written to, under {@link #run}'s folder. */
    public static Path events(Path folder) {
        return folder.resolve("events");
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        long t0 = System.nanoTime();
        List<Integer> datasets = new DatasetStore(workspace).completeIds(DatasetKind.EVENTS);
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("The workspace has no events yet: import a behaviour log first.");
        }
        Path events = events(folder);
        Files.createDirectories(events);
        clear(events);
        EventColumns columns = new EventColumns(workspace);
        String[] labels = new String[Behaviour.values().length + 1];
        for (Behaviour b : Behaviour.values()) {
            labels[b.code()] = b.label();
        }
        long[] written = {0};
        int done = 0;
        for (int id : datasets) {
            context.checkCancelled();
            context.progress(0.9 * done++ / datasets.size(), "writing the events of dataset " + id);
            Path file = events.resolve("dataset-" + id + ".parquet");
            try (ParquetWriter<Group> out = writer(file, EVENTS)) {
                SimpleGroupFactory rows = new SimpleGroupFactory(EVENTS);
                columns.slices(id, false, b -> {
                    context.checkCancelled();
                    for (int k = 0; k < b.size(); k++) {
                        Group g = rows.newGroup().append("user_id", b.user()[k]).append("item_id", b.item()[k]);
                        if (b.category()[k] != EventRow.NO_CATEGORY) {
                            g.append("category_id", b.category()[k]);
                        }
                        g.append("behaviour", labels[b.behaviour()[k]]).append("time", b.time()[k]);
                        if (!Float.isNaN(b.strength()[k])) {
                            g.append("strength", b.strength()[k]);
                        }
                        write(out, g);
                    }
                    written[0] += b.size();
                });
            }
        }
        context.progress(0.9, "writing the catalogue");
        CatalogLookup catalogue = CatalogLookup.load(workspace);
        try (ParquetWriter<Group> out = writer(folder.resolve("items.parquet"), ITEMS)) {
            SimpleGroupFactory rows = new SimpleGroupFactory(ITEMS);
            for (CatalogLookup.Item item : catalogue.items().values()) {
                Group g = rows.newGroup().append("item_id", item.id());
                if (item.categoryId() != null) {
                    g.append("category_id", item.categoryId());
                }
                appendText(g, "brand", item.brand());
                appendText(g, "title", item.title());
                out.write(g);
            }
        }
        try (ParquetWriter<Group> out = writer(folder.resolve("categories.parquet"), CATEGORIES)) {
            SimpleGroupFactory rows = new SimpleGroupFactory(CATEGORIES);
            for (CatalogLookup.Category c : catalogue.categories().values()) {
                Group g = rows.newGroup().append("category_id", c.id());
                if (c.parentId() != null) {
                    g.append("parent_id", c.parentId());
                }
                appendText(g, "name", c.name());
                appendText(g, "name_zh", c.nameZh());
                out.write(g);
            }
        }
        context.progress(1, String.format("%,d events", written[0]));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("folder", folder.toAbsolutePath().toString());
        summary.put("events", written[0]);
        summary.put("event_files", datasets.size());
        summary.put("items", catalogue.items().size());
        summary.put("categories", catalogue.categories().size());
        summary.put("seconds", (System.nanoTime() - t0) / 1e9);
        return summary;
    }

    /** Earlier exports' event files (and Hadoop's checksums beside them): a dataset deleted since must not stay. */
    private static void clear(Path events) throws IOException {
        try (var files = Files.list(events)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".parquet") || name.endsWith(".parquet.crc")) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void appendText(Group g, String field, String text) {
        if (text != null) {
            g.append(field, text);
        }
    }

    private static void write(ParquetWriter<Group> out, Group g) {
        try {
            out.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParquetWriter<Group> writer(Path file, MessageType schema) throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
        return ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()))
                .withConf(conf).withType(schema).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
    }
}
