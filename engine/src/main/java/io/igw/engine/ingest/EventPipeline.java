package io.igw.engine.ingest;

import io.igw.storage.events.EventRow;
import io.igw.storage.events.EventStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the parsing and checking of lines on a producer thread of its own while H2 writes the partition on the
 * caller's thread, handing events over in small batches through a bounded queue: on two cores the two overlap
 * instead of taking turns, and memory stays at a few batches.
 */
final class EventPipeline implements EventStream, AutoCloseable {
    static final int BATCH = 4096;
    private static final int QUEUE = 8;

    /** The producing side: fills batches and hands them on until the input ends. */
    interface Producer {
        void produce(Sink sink) throws Exception;
    }

    /** Where the producer puts events: it fills {@link #row()} and calls {@link #accept()}. */
    final class Sink {
        // The one row the producer writes into, whichever batch is filling: it must not belong to a batch, or a
        // producer holding it would keep writing into a batch already handed over.
        private final EventRow scratch = new EventRow();
        private Batch current = new Batch();

        EventRow row() {
            return scratch;
        }

        /** Keeps the event now in {@link #row()}. */
        void accept() throws InterruptedException {
            current.keep(scratch);
            if (current.size == BATCH) {
                hand(current);
                current = new Batch();
            }
        }

        void finish() throws InterruptedException {
            if (current.size > 0) {
                hand(current);
            }
            hand(END);
        }

        private void hand(Batch batch) throws InterruptedException {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new StoppedException();
                }
            }
        }
    }

    private static final Batch END = new Batch();

    /** The writer side ended early; the producer stops where it is. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("the partition writer stopped");
        }
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean stopped;
    private Batch batch;
    private int next;

    EventPipeline(Producer producer) {
        Sink sink = new Sink();
        thread = new Thread(() -> {
            try {
                producer.produce(sink);
            } catch (StoppedException e) {
                // the writer already ended; nobody is waiting for more
            } catch (Throwable t) {
                failure = t;
                queue.clear();
                queue.offer(END);
            }
        }, "igw-import-parser");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean next(EventRow row) throws Exception {
        while (batch == null || next == batch.size) {
            if (batch == END) {
                return end();
            }
            batch = queue.take();
            next = 0;
            if (batch == END) {
                return end();
            }
        }
        batch.copyTo(next++, row);
        return true;
    }

    private boolean end() throws Exception {
        thread.join();
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return false;
    }

    /**
     * Stops the producer if the writer ended early, and waits for it. It is told, not interrupted: it may be in the
     * middle of writing a rejected line to H2, and an interrupt there would close the database's file.
     */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events in columns, so that a batch is a handful of arrays rather than thousands of objects. */
    static final class Batch {
        final long[] user = new long[BATCH];
        final long[] item = new long[BATCH];
        final long[] category = new long[BATCH];
        final byte[] behaviour = new byte[BATCH];
        final long[] time = new long[BATCH];
        final String[] session = new String[BATCH];
        final int[] quantity = new int[BATCH];
        final float[] strength = new float[BATCH];
        int size;

        void keep(EventRow scratch) {
            int i = size++;
            user[i] = scratch.userId;
            item[i] = scratch.itemId;
            category[i] = scratch.categoryId;
            behaviour[i] = scratch.behaviour;
            time[i] = scratch.eventTime;
            session[i] = scratch.sessionId;
            quantity[i] = scratch.quantity;
            strength[i] = scratch.strength;
        }

        void copyTo(int i, EventRow row) {
            row.userId = user[i];
            row.itemId = item[i];
            row.categoryId = category[i];
            row.behaviour = behaviour[i];
            row.eventTime = time[i];
            row.sessionId = session[i];
            row.quantity = quantity[i];
            row.strength = strength[i];
        }
    }
}
