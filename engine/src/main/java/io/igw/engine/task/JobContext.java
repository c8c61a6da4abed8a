package io.igw.engine.task;

/** What a running job sees of the outside: where to report progress and whether it should stop. */
public interface JobContext {
    /** Reports progress in [0, 1] (or a negative number when unknown) with a short message for people. */
    void progress(double fraction, String message);

    boolean isCancelled();

    /** A context for running a job directly: progress goes nowhere and nothing cancels. */
    static JobContext quiet() {
        return new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Throws {@link CancelledException} if cancel was asked; long loops call this once per batch. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
