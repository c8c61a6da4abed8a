package io.igw.engine.errors;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * A job that does not fit in the memory the workbench was given: refused before it starts when its estimate is
 * larger than the heap ({@link #check}), or stopped when it ran out all the same ({@link #ranOut}). It carries what
 * a person needs to act: how much it needs (when known), how much there is, the heap to start with instead, and
 * whether that is more than the machine has. The command line and the window word the remedy (how to give the
 * workbench more) in their own terms.
 */
public final class NotEnoughMemory extends UserError {
    private static final long serialVersionUID = 1L;
    private static final double GB = 1024.0 * 1024 * 1024;

    private final String job;
    private final long neededBytes;
    private final long heapBytes;
    private final long suggestedHeapBytes;
    private final boolean beyondMachine;
    /** The need that does not fit is outside the heap, where more heap only leaves less. */
    private boolean outsideHeap;

    private NotEnoughMemory(String job, long neededBytes, long heapBytes, long machineBytes) {
        this(words(job, neededBytes, heapBytes), job, neededBytes, heapBytes, machineBytes);
    }

    private NotEnoughMemory(String message, String job, long neededBytes, long heapBytes, long machineBytes) {
        super(message);
        this.job = job;
        this.neededBytes = neededBytes;
        this.heapBytes = heapBytes;
        long wanted = neededBytes > 0 ? (long) (neededBytes * 1.25) : heapBytes * 2;
        this.suggestedHeapBytes = (long) (Math.ceil(Math.max(wanted, heapBytes + 1) / GB) * GB);
        this.beyondMachine = machineBytes > 0 && suggestedHeapBytes > machineBytes * 0.8;
    }

    private static String words(String job, long neededBytes, long heapBytes) {
        return neededBytes > 0
                ? String.format(Locale.ROOT, "There is not enough memory for the %s: it needs about %s and the workbench has %s.",
                        job, size(neededBytes), size(heapBytes))
                : String.format(Locale.ROOT, "Ran out of memory (%s): the workbench has %s.", job, size(heapBytes));
    }

    /**
     * Estimates are measured upper bounds; a job is refused only when even this share of its estimate is more than
     * the heap, so one that would just fit is not turned away (and one that then runs out still ends cleanly).
     */
    static final double REFUSE_ABOVE_SHARE = 0.85;

    /** Refuses a job whose estimated need clearly exceeds the heap this JVM may use; does nothing when it may fit. */
    public static void check(String job, long neededBytes) {
        check(job, MemoryNeed.heap(neededBytes));
    }

    /**
     * Refuses a job whose estimated heap or native need clearly exceeds what it can have: the heap this JVM may use,
     * and beside it what the machine's memory leaves outside the heap (ND4J allocates its buffers natively, where
     * no JVM setting caps them; more heap leaves less there).
     */
    public static void check(String job, MemoryNeed need) {
        check(job, need, Runtime.getRuntime().maxMemory(), machineBytes());
    }

    static void check(String job, MemoryNeed need, long heap, long machine) {
        if (need.heapBytes() * REFUSE_ABOVE_SHARE > heap) {
            throw new NotEnoughMemory(job, need.heapBytes(), heap, machine);
        }
        long beside = machine - heap;
        if (machine > 0 && need.nativeBytes() * REFUSE_ABOVE_SHARE > beside) {
            String message = String.format(Locale.ROOT, "There is not enough memory for the %s: it needs about %s outside the "
                    + "Java heap (for its network) and this machine has %s beside the workbench's heap.", job,
                    size(need.nativeBytes()), size(Math.max(0, beside)));
            NotEnoughMemory e = new NotEnoughMemory(message, job, need.nativeBytes(), Math.max(0, beside), machine);
            e.outsideHeap = true;
            throw e;
        }
    }

    /** The error for a job that ran out of heap while it ran (the {@link OutOfMemoryError} is its cause). */
    public static NotEnoughMemory ranOut(String job, OutOfMemoryError cause) {
        NotEnoughMemory e = new NotEnoughMemory(job, -1, Runtime.getRuntime().maxMemory(), machineBytes());
        e.initCause(cause);
        return e;
    }

    /** The machine's physical memory, or 0 when the JVM cannot tell. */
    public static long machineBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** "2.0 GB", "512 MB". */
    public static String size(long bytes) {
        return bytes >= GB ? String.format(Locale.ROOT, "%.1f GB", bytes / GB)
                : String.format(Locale.ROOT, "%d MB", Math.round(bytes / (1024.0 * 1024)));
    }

    public String job() {
        return job;
    }

    /** The estimated need, or -1 when the job ran out without an estimate. */
    public long neededBytes() {
        return neededBytes;
    }

    public long heapBytes() {
        return heapBytes;
    }

    /** A heap, in whole gigabytes, that should fit the job. */
    public long suggestedHeapBytes() {
        return suggestedHeapBytes;
    }

    /** The suggested heap is more than this machine can give (over 80% of its memory). */
    public boolean beyondMachine() {
        return beyondMachine;
    }

    /**
     * The message and what to do: {@code withMoreHeap} (how the caller's person gives the workbench the suggested
     * heap) or, when no heap this machine can give would fit, {@link #BEYOND_MACHINE}.
     */
    public String withRemedy(String withMoreHeap) {
        return getMessage() + " " + (outsideHeap ? OUTSIDE_HEAP : beyondMachine ? BEYOND_MACHINE : withMoreHeap);
    }

    /** Whether what does not fit is the need outside the heap (see {@link #OUTSIDE_HEAP}). */
    public boolean outsideHeap() {
        return outsideHeap;
    }

    /** What to do when a network's native buffers do not fit beside the heap. */
    public static final String OUTSIDE_HEAP = "Choose a smaller model (fewer dimensions or a smaller batch) or a workspace with fewer items.";

    /** What to do when no heap this machine can give would fit. */
    public static final String BEYOND_MACHINE = "That is more than this machine can give: import a shorter period of the log into a workspace of its own.";

    /** The suggested heap as the launcher's IGW_HEAP takes it: "8g". */
    public String suggestedHeapSetting() {
        return Math.round(suggestedHeapBytes / GB) + "g";
    }
}
