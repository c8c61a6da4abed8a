package io.igw.engine.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs jobs: on background threads for the GUI, or on the caller's thread for the CLI and tests
 * ({@link #direct()}). The same jobs run either way.
 */
public final class JobRunner implements AutoCloseable {
    private final ExecutorService executor;
    private final java.util.Set<JobHandle<?>> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private JobRunner(ExecutorService executor) {
        this.executor = executor;
    }

    /** Background runner with daemon worker threads, so that an open job never keeps the application alive. */
    public static JobRunner background() {
        return new JobRunner(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "igw-job");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Runs each job to its end inside {@link #submit} before returning the handle. */
    public static JobRunner direct() {
        return new JobRunner(null);
    }

    public <T> JobHandle<T> submit(String name, Job<T> job, ProgressListener listener) {
        JobHandle<T> handle = new JobHandle<>(name);
        live.add(handle);
        handle.whenDone(() -> live.remove(handle));
        if (executor == null) {
            handle.run(job, listener);
        } else {
            executor.execute(() -> handle.run(job, listener));
        }
        return handle;
    }

    /**
     * Asks every running job to cancel and lets it undo its work. Threads are not interrupted: an interrupt inside
     * H2's file I/O would close the database under a job.
     */
    @Override
    public void close() {
        live.forEach(JobHandle::cancel);
        if (executor != null) {
            executor.shutdown();
        }
    }
}
