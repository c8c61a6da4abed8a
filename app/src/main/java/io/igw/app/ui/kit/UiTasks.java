package io.igw.app.ui.kit;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobHandle;
import io.igw.engine.task.JobRunner;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The FX side of the engine's task API: runs a job on the runner and delivers progress and the outcome on the UI
 * executor (the FX thread in the app, the caller's thread in view-model tests). Progress is coalesced, so a fast job
 * cannot flood the FX queue.
 */
public final class UiTasks {
    private final JobRunner runner;
    private final Executor ui;

    public UiTasks(JobRunner runner, Executor ui) {
        this.runner = runner;
        this.ui = ui;
    }

    /** A running job as a screen sees it. */
    public static final class Running {
        public final DoubleProperty progress = new SimpleDoubleProperty(-1);
        public final StringProperty message = new SimpleStringProperty("");
        private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(true);
        private volatile JobHandle<?> handle;

        public void cancel() {
            handle.cancel();
        }

        public ReadOnlyBooleanProperty activeProperty() {
            return active.getReadOnlyProperty();
        }
    }

    /** A job's outcome, delivered on the UI executor. */
    public record Outcome<T>(Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
    }

    /** Runs a small update on the UI executor (positions from a running layout). */
    public void onUi(Runnable update) {
        ui.execute(update);
    }

    public <T> Running start(String name, Job<T> job, Outcome<T> outcome) {
        Running running = new Running();
        AtomicBoolean pending = new AtomicBoolean();
        AtomicReference<Object[]> latest = new AtomicReference<>();
        JobHandle<T> handle = runner.submit(name, job, (fraction, message) -> {
            latest.set(new Object[]{fraction, message});
            if (pending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    pending.set(false);
                    Object[] now = latest.get();
                    running.progress.set((Double) now[0]);
                    running.message.set((String) now[1]);
                });
            }
        });
        running.handle = handle;
        handle.whenDone(() -> ui.execute(() -> {
            running.active.set(false);
            switch (handle.state()) {
                case SUCCEEDED -> outcome.onSuccess().accept(handle.result());
                case CANCELLED -> outcome.onCancelled().run();
                default -> outcome.onFailure().accept(handle.failure());
            }
        }));
        return running;
    }
}
