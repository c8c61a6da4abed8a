package io.igw.engine.task;

/** Where a job is; the last three are final and never change once reached. */
public enum JobState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
