package io.igw.app.ui.shell;

import io.igw.engine.task.Job;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One screen's background work, one job at a time: whether it is running, its progress, and a status line that
 * shows the job's messages, then its outcome (a failure's message, or that it was cancelled).
 */
public final class ScreenWork {
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    public final StringProperty status = new SimpleStringProperty("");

    private final UiTasks tasks;
    private final String cancelled;
    private UiTasks.Running job;

    public ScreenWork(UiTasks tasks) {
        this(tasks, "Cancelled.");
    }

    /** With what the status line says when a job is cancelled. */
    public ScreenWork(UiTasks tasks, String cancelled) {
        this.tasks = tasks;
        this.cancelled = cancelled;
    }

    /** Starts {@code work} unless a job is running; {@code done} gets its result on the UI thread. */
    public <T> boolean start(String name, Job<T> work, Consumer<T> done) {
        return start(name, work, done, failure -> { });
    }

    /** As {@link #start(String, Job, Consumer)}, telling {@code failed} too when the job fails. */
    public <T> boolean start(String name, Job<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        if (running.get()) {
            return false;
        }
        running.set(true);
        status.set("");
        job = tasks.start(name, work, new UiTasks.Outcome<>(result -> {
            running.set(false);
            done.accept(result);
        }, failure -> {
            running.set(false);
            status.set(Problems.describe(failure));
            failed.accept(failure);
        }, () -> {
            running.set(false);
            status.set(cancelled);
        }));
        progress.bind(job.progress);
        job.message.addListener((o, a, b) -> {
            if (running.get()) {
                status.set(b);
            }
        });
        return true;
    }

    public void cancel() {
        if (job != null && running.get()) {
            job.cancel();
        }
    }
}
