package io.igw.storage.events;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.columns.ColumnType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * The columnar snapshot of each events dataset ({@code columns/D<id>/}: user, item, category, behaviour, time and
 * strength as plain arrays), written while the dataset is imported and read by the graph build in a fraction of
 * the time a JDBC scan of H2 takes. H2 stays the system of record: a snapshot that is missing (an older workspace,
 * a deleted folder) is rebuilt from the dataset's partition on first use. See docs/decisions/0005.
 */
public final class EventColumns {
    private final Workspace workspace;

    public EventColumns(Workspace workspace) {
        this.workspace = workspace;
    }

    private Path root() {
        return workspace.folder().resolve("columns");
    }

    private Path dir(int datasetId) {
        return root().resolve("D" + datasetId);
    }

    /** Where the dataset's snapshot is (it may not exist yet: it is made on first use). */
    public Path folder(int datasetId) {
        return dir(datasetId);
    }

    /** Makes the dataset's snapshot again from H2, the system of record, replacing a damaged one. */
    public void rebuildFromDatabase(int datasetId) {
        rebuild(datasetId);
    }

    /** One dataset's events, column by column; absent categories are {@link EventRow#NO_CATEGORY}, strengths NaN. */
    public record Batch(int datasetId, long[] user, long[] item, long[] category, byte[] behaviour, long[] time,
                        float[] strength) {
        public int size() {
            return user.length;
        }
    }

    /** Starts the snapshot of a dataset being imported; nothing is visible until {@link Writer#commit()}. */
    public Writer writer(int datasetId) {
        try {
            Files.createDirectories(root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Writer(new ColumnFolderWriter(dir(datasetId)));
    }

    /** The dataset's events, from its snapshot, which is first rebuilt from H2 if it is missing. */
    public Batch read(int datasetId) {
        if (!ColumnFolder.exists(dir(datasetId))) {
            rebuild(datasetId);
        }
        ColumnFolder f = ColumnFolder.open(dir(datasetId));
        return new Batch(datasetId, f.longs("user"), f.longs("item"), f.longs("category"), f.bytes("behaviour"),
                f.longs("time"), f.floats("strength"));
    }

    /** Events per slice {@link #slices} reads: about 40 MB of columns at a time, whatever the dataset's size. */
    public static final int SLICE = 1 << 20;

    /**
     * The dataset's events a slice of at most {@link #SLICE} at a time, in their stored order, so that a pass over a
     * log of any size holds one slice; {@code whoWhatWhen} leaves category and strength out (null) as
     * {@link #readWhoWhatWhen} does.
     */
    public void slices(int datasetId, boolean whoWhatWhen, java.util.function.Consumer<Batch> each) {
        if (!ColumnFolder.exists(dir(datasetId))) {
            rebuild(datasetId);
        }
        ColumnFolder f = ColumnFolder.open(dir(datasetId));
        long total = f.length("user", io.igw.storage.columns.ColumnType.LONG);
        for (long from = 0; from < total; from += SLICE) {
            int n = (int) Math.min(SLICE, total - from);
            each.accept(new Batch(datasetId, f.longs("user", from, n), f.longs("item", from, n),
                    whoWhatWhen ? null : f.longs("category", from, n), f.bytes("behaviour", from, n), f.longs("time", from, n),
                    whoWhatWhen ? null : f.floats("strength", from, n)));
        }
    }

    /**
     * Only who did what how and when (user, item, behaviour, time; category and strength null): for recounting
     * sessions and for the interactions models learn from.
     */
    public Batch readWhoWhatWhen(int datasetId) {
        if (!ColumnFolder.exists(dir(datasetId))) {
            rebuild(datasetId);
        }
        ColumnFolder f = ColumnFolder.open(dir(datasetId));
        return new Batch(datasetId, f.longs("user"), f.longs("item"), null, f.bytes("behaviour"), f.longs("time"), null);
    }

    private void rebuild(int datasetId) {
        String table = EventPartitions.tableName(datasetId);
        String sql = "SELECT user_id, item_id, category_id, behaviour, event_time, strength FROM events WHERE dataset_id = ?";
        try (Writer w = writer(datasetId); Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, datasetId);
            ps.setFetchSize(10_000);
            EventRow row = new EventRow();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.clear();
                    row.userId = rs.getLong(1);
                    row.itemId = rs.getLong(2);
                    long category = rs.getLong(3);
                    row.categoryId = rs.wasNull() ? EventRow.NO_CATEGORY : category;
                    row.behaviour = rs.getByte(4);
                    row.eventTime = rs.getLong(5);
                    float strength = rs.getFloat(6);
                    row.strength = rs.wasNull() ? Float.NaN : strength;
                    w.add(row);
                }
            }
            w.commit();
        } catch (SQLException e) {
            throw workspace.failure("rebuilding the event snapshot of " + table, e);
        }
    }

    public void delete(int datasetId) {
        try {
            ColumnFolderWriter.deleteTree(dir(datasetId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes snapshots of datasets that are not complete, and folders a killed import left half-written. */
    public void retainOnly(Collection<Integer> completeEventDatasets) {
        ColumnFolderWriter.deleteLeftovers(root());
        if (!Files.isDirectory(root())) {
            return;
        }
        try (Stream<Path> entries = Files.list(root())) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                String id = name.startsWith("D") ? name.substring(1) : "";
                if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)
                        || !completeEventDatasets.contains(Integer.parseInt(id))) {
                    ColumnFolderWriter.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends events to a snapshot being written. */
    public static final class Writer implements AutoCloseable {
        private final ColumnFolderWriter folder;
        private final ColumnFolderWriter.Appender user;
        private final ColumnFolderWriter.Appender item;
        private final ColumnFolderWriter.Appender category;
        private final ColumnFolderWriter.Appender behaviour;
        private final ColumnFolderWriter.Appender time;
        private final ColumnFolderWriter.Appender strength;

        private Writer(ColumnFolderWriter folder) {
            this.folder = folder;
            user = folder.appender("user", ColumnType.LONG);
            item = folder.appender("item", ColumnType.LONG);
            category = folder.appender("category", ColumnType.LONG);
            behaviour = folder.appender("behaviour", ColumnType.BYTE);
            time = folder.appender("time", ColumnType.LONG);
            strength = folder.appender("strength", ColumnType.FLOAT);
        }

        public void add(EventRow row) {
            try {
                user.add(row.userId);
                item.add(row.itemId);
                category.add(row.categoryId);
                behaviour.add(row.behaviour);
                time.add(row.eventTime);
                strength.add(row.strength);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void commit() {
            folder.commit();
        }

        @Override
        public void close() {
            folder.close();
        }
    }
}
