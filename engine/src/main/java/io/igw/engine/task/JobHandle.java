package io.igw.engine.task;

import io.igw.engine.errors.NotEnoughMemory;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A submitted job: ask it to cancel, wait for it, read its result. The state moves forward only and, once final,
 * stays as it is.
 */
public final class JobHandle<T> {
    private final String name;
    private final AtomicReference<JobState> state = new AtomicReference<>(JobState.PENDING);
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile T result;
    private volatile Throwable failure;
    private final java.util.List<Runnable> whenDone = new java.util.ArrayList<>();

    JobHandle(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public String name() {
        return name;
    }

    public JobState state() {
        return state.get();
    }

    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    /** Waits for the job to end and returns its result; a failure is rethrown, a cancel is a CancelledException. */
    public T await() throws Exception {
        finished.await();
        return outcome();
    }

    private T outcome() throws Exception {
        switch (state.get()) {
            case SUCCEEDED:
                return result;
            case CANCELLED:
                throw new CancelledException();
            default:
                if (failure instanceof Exception e) {
                    throw e;
                }
                throw (Error) failure;
        }
    }

    public Throwable failure() {
        return failure;
    }

    /** The result of a job that succeeded; null otherwise. */
    public T result() {
        return result;
    }

    /** Runs the callback once the state is final: at once if it already is, else on the job's thread. */
    public void whenDone(Runnable callback) {
        synchronized (whenDone) {
            if (!state.get().isFinal()) {
                whenDone.add(callback);
                return;
            }
        }
        callback.run();
    }

    void run(Job<T> job, ProgressListener listener) {
        if (!state.compareAndSet(JobState.PENDING, JobState.RUNNING)) {
            return;
        }
        JobContext context = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                listener.onProgress(fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested.get();
            }
        };
        try {
            if (cancelRequested.get()) {
                throw new CancelledException();
            }
            result = job.run(context);
            state.set(JobState.SUCCEEDED);
        } catch (CancelledException e) {
            state.set(JobState.CANCELLED);
        } catch (OutOfMemoryError e) {
            // what the job held is unreachable now; the person gets one sentence with the remedy, not the error
            failure = NotEnoughMemory.ranOut(name, e);
            state.set(JobState.FAILED);
        } catch (Throwable t) {
            failure = t;
            state.set(JobState.FAILED);
        } finally {
            finished.countDown();
            java.util.List<Runnable> callbacks;
            synchronized (whenDone) {
                callbacks = java.util.List.copyOf(whenDone);
                whenDone.clear();
            }
            callbacks.forEach(Runnable::run);
        }
    }
}
