package io.igw.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use at any moment while a benchmark runs, sampled every 10 ms. (Summing each memory pool's own
 * peak would overstate it: the pools peak at different times.) It counts garbage not yet collected, so it is an
 * upper bound on what the work needs; the JVM's heap limit is reported beside it.
 */
public final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    public HeapPeak() {
        System.gc();
        sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "igw-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public double peakMb() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return peak.get() / (1024.0 * 1024.0);
    }

    public static double limitMb() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
