package io.igw.engine.task;

/** A piece of background work: importing a file, generating data, and later building the graph or training. */
@FunctionalInterface
public interface Job<T> {
    T run(JobContext context) throws Exception;
}
