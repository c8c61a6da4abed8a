package io.igw.engine.task;

/** Receives a job's progress on the job's own thread; the GUI adapter hops to the FX thread itself. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, message) -> { };

    void onProgress(double fraction, String message);
}
