package io.igw.app.ui.kit;

import io.igw.engine.task.Job;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The one way a screen runs work off the FX thread. An action ({@link #start}: train, build, export) runs one at a
 * time, with whether it is running, its progress, and a status line that shows the job's messages, then its outcome
 * (a failure in the person's words, or that it was cancelled). Reading for a view ({@link #latest}: a refresh on
 * navigation, a search) is "latest only": a newer read cancels the older
 * one, and a result is applied only if it is still the latest asked for (MZmine's LatestTaskScheduler).
 */
public final class ScreenWork {
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    public final StringProperty status = new SimpleStringProperty("");
    /** Whether a {@link #latest} read is under way. */
    public final BooleanProperty reading = new SimpleBooleanProperty(false);
    private int reads;

    private final UiTasks tasks;
    private final String cancelled;
    private UiTasks.Running job;
    private final java.util.Map<String, Latest> latest = new java.util.HashMap<>();

    /** The newest read of one kind, and its number. */
    private static final class Latest {
        long number;
        UiTasks.Running running;
    }

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
        latest.values().forEach(l -> {
            if (l.running != null) {
                l.running.cancel();
            }
        });
    }

    /**
     * Runs {@code read} off the FX thread, cancelling the previous read of the same {@code name}; {@code apply} gets
     * the result on the UI thread only if no newer read of that name was asked for since. A failure goes to the
     * status line.
     */
    public <T> void latest(String name, Job<T> read, Consumer<T> apply) {
        Latest slot = latest.computeIfAbsent(name, n -> new Latest());
        long mine = ++slot.number;
        if (slot.running != null && slot.running.activeProperty().get()) {
            slot.running.cancel();
        }
        reading.set(++reads > 0);
        slot.running = tasks.start(name, read, new UiTasks.Outcome<>(result -> {
            reading.set(--reads > 0);
            if (slot.number == mine) {
                apply.accept(result);
            }
        }, failure -> {
            reading.set(--reads > 0);
            if (slot.number == mine) {
                status.set(Problems.describe(failure));
            }
        }, () -> reading.set(--reads > 0)));
    }
}
