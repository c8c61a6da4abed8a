package io.igw.engine.errors;

/**
 * What a job is estimated to need, in bytes: on the Java heap, and outside it (the native buffers ND4J keeps a
 * network's weights, optimiser state and activations in, and a text model's runtime: no JVM setting caps them, so
 * they must fit in what the machine has beside the heap). Estimates are upper bounds, checked against the jobs
 * themselves by {@code igw bench memory}.
 */
public record MemoryNeed(long heapBytes, long nativeBytes) {
    public MemoryNeed {
        if (heapBytes < 0 || nativeBytes < 0) {
            throw new IllegalArgumentException("a memory need is not negative: " + heapBytes + ", " + nativeBytes);
        }
    }

    public static final MemoryNeed NONE = new MemoryNeed(0, 0);

    /**
     * What a job that computes with ND4J needs outside the heap whatever its size: the BLAS threads' buffers, ND4J's
     * own caches, and the buffers of arrays already dropped that wait for a collection to be freed (measured 64–106 MB
     * for the autoencoder, DeepWalk and the churn classifier on 2,520 and 8,040 items).
     */
    public static final double ND4J_WORKING = 128.0 * 1024 * 1024;

    public static MemoryNeed heap(long bytes) {
        return new MemoryNeed(bytes, 0);
    }

    public static MemoryNeed heap(double bytes) {
        return heap(bytes(bytes));
    }

    /** A need with this much outside the heap as well. */
    public MemoryNeed plusNative(double bytes) {
        return new MemoryNeed(heapBytes, nativeBytes + bytes(bytes));
    }

    public MemoryNeed plusHeap(double bytes) {
        return new MemoryNeed(heapBytes + bytes(bytes), nativeBytes);
    }

    /** Both needs at once (parts of a job held together). */
    public MemoryNeed plus(MemoryNeed other) {
        return new MemoryNeed(heapBytes + other.heapBytes, nativeBytes + other.nativeBytes);
    }

    /** The larger of each (parts of a job that run one after the other). */
    public MemoryNeed orAtMost(MemoryNeed other) {
        return new MemoryNeed(Math.max(heapBytes, other.heapBytes), Math.max(nativeBytes, other.nativeBytes));
    }

    /** A double estimate as bytes, saturating rather than overflowing (a catalogue's square can pass 2^63). */
    private static long bytes(double bytes) {
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE / 4 : (long) Math.ceil(Math.max(0, bytes));
    }
}
