package io.igw.engine.ingest;

import io.igw.storage.events.EventRow;
import io.igw.storage.events.EventStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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

    /** Where the producer puts events. */
    final class Sink {
        private Batch current = new Batch();

        EventRow row() {
            return current.scratch;
        }

        /** Keeps the event now in {@link #row()}. */
        void accept() throws InterruptedException {
            current.keep();
            if (current.size == BATCH) {
                queue.put(current);
                current = new Batch();
            }
        }

        void finish() throws InterruptedException {
            if (current.size > 0) {
                queue.put(current);
            }
            queue.put(END);
        }
    }

    private static final Batch END = new Batch();

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile Throwable failure;
    private Batch batch;
    private int next;

    EventPipeline(Producer producer) {
        Sink sink = new Sink();
        thread = new Thread(() -> {
            try {
                producer.produce(sink);
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

    /** Stops the producer if the writer ended early, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    /** Events in columns, so that a batch is a handful of arrays rather than thousands of objects. */
    static final class Batch {
        final EventRow scratch = new EventRow();
        final long[] user = new long[BATCH];
        final long[] item = new long[BATCH];
        final long[] category = new long[BATCH];
        final byte[] behaviour = new byte[BATCH];
        final long[] time = new long[BATCH];
        final String[] session = new String[BATCH];
        final int[] quantity = new int[BATCH];
        final float[] strength = new float[BATCH];
        int size;

        void keep() {
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
