package io.igw.engine.task;

/** Thrown inside a job when the person asked to cancel it; the job's work is undone before it propagates. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
