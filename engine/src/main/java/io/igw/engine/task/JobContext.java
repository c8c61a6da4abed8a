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

    /**
     * This context seen by a step that is one part of the job: the step's progress in [0, 1] lands in
     * [from, from + span] of the whole (unknown progress stays unknown), and its message is prefixed when a prefix
     * is given.
     */
    default JobContext part(double from, double span, String prefix) {
        JobContext whole = this;
        return new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                whole.progress(fraction < 0 ? fraction : from + span * fraction, prefix == null ? message : prefix + message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    /** This context for a step whose own progress would only confuse: its progress goes nowhere, cancel still reaches it. */
    default JobContext silent() {
        JobContext whole = this;
        return new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    /** This context without cancellation, for a short step that must not stop halfway once started. */
    default JobContext uncancellable() {
        JobContext whole = this;
        return new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                whole.progress(fraction, message);
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
