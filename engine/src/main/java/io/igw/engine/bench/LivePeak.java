package io.igw.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most memory a job holds live at once, for checking memory estimates: every {@value #EVERY_MS} ms a full
 * collection, then the heap in use (what survives it is live) and the memory outside the JVM's own (the process's
 * resident memory less the heap and non-heap the JVM has committed: ND4J's buffers, which its native allocator
 * keeps out of JavaCPP's count). Both are measured above what was held when it started, so a job should be measured
 * in a JVM of its own (a freed native block stays resident for the next). A peak shorter than the interval can be
 * missed, so the figures are lower bounds on the true peaks; the collections slow the job, which is why this is a
 * benchmark's tool.
 */
final class LivePeak implements AutoCloseable {
    static final int EVERY_MS = 100;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long heapBefore;
    private final long nativeBefore;
    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong nativePeak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    LivePeak() {
        System.gc();
        heapBefore = memory.getHeapMemoryUsage().getUsed();
        nativeBefore = outsideTheJvm();
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "igw-live-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        nativePeak.accumulateAndGet(outsideTheJvm(), Math::max);
        System.gc();
        heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    /** Resident bytes (Linux's /proc/self/statm) less what the JVM has committed for its heap and non-heap. */
    private long outsideTheJvm() {
        long resident;
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            resident = Long.parseLong(statm[1]) * 4096;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return resident - memory.getHeapMemoryUsage().getCommitted() - memory.getNonHeapMemoryUsage().getCommitted();
    }

    /** The live heap's peak above where it started, in bytes. */
    long heapBytes() {
        return Math.max(0, heapPeak.get() - heapBefore);
    }

    /** The native peak above where it started, in bytes. */
    long nativeBytes() {
        return Math.max(0, nativePeak.get() - nativeBefore);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
