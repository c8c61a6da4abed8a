package io.igw.engine.ingest;

import io.igw.storage.catalog.EntityRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registers the users and items an import meets while the import is still running: the parser hands over each new
 * id, and a thread of its own writes them in batches, so that this work overlaps H2's writing of the partition
 * instead of following it. Rows carry the dataset id and leave with it if the import does not complete.
 */
final class EntityRegistrar implements AutoCloseable {
    private static final int BATCH = 8192;

    private final EntityRegistry registry;
    private final int datasetId;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "igw-import-entities");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> written = new ArrayList<>();
    private long[] users = new long[BATCH];
    private int userCount;
    private long[] items = new long[BATCH];
    private long[] categories = new long[BATCH];
    private int itemCount;

    EntityRegistrar(EntityRegistry registry, int datasetId) {
        this.registry = registry;
        this.datasetId = datasetId;
    }

    void user(long id) {
        users[userCount++] = id;
        if (userCount == BATCH) {
            flushUsers();
        }
    }

    void item(long id, long category) {
        items[itemCount] = id;
        categories[itemCount++] = category;
        if (itemCount == BATCH) {
            flushItems();
        }
    }

    private void flushUsers() {
        long[] batch = users;
        int n = userCount;
        written.add(writer.submit(() -> registry.registerUsers(datasetId, batch, n)));
        users = new long[BATCH];
        userCount = 0;
    }

    private void flushItems() {
        long[] batch = items;
        long[] cats = categories;
        int n = itemCount;
        written.add(writer.submit(() -> registry.registerItems(datasetId, batch, cats, n)));
        items = new long[BATCH];
        categories = new long[BATCH];
        itemCount = 0;
    }

    /** Writes what is left and waits for every batch; rethrows the first failure. */
    void finish() throws InterruptedException {
        flushUsers();
        flushItems();
        for (Future<?> f : written) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Stops the writer: batches not started are dropped, the one being written finishes (never interrupted: an
     * interrupt inside H2's file I/O would close the database under it). After a failure or cancel, the dataset's
     * discard then removes whatever was written.
     */
    @Override
    public void close() {
        written.forEach(f -> f.cancel(false));
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
