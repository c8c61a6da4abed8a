package io.igw.engine.ingest;

import io.igw.engine.task.JobContext;

/** Maps one file's byte position into its share of a multi-file import's progress bar. */
final class ImportProgress {
    private final JobContext context;
    private final double from;
    private final double span;
    private final String label;

    ImportProgress(JobContext context, double from, double span, String label) {
        this.context = context;
        this.from = from;
        this.span = span;
        this.label = label;
    }

    void bytes(long done, long total, long lines) {
        double f = total <= 0 ? 1 : Math.min(1.0, (double) done / total);
        context.progress(from + span * f, label + ": " + String.format("%,d", lines) + " lines");
    }

    void step(double fractionOfFile, String message) {
        context.progress(from + span * fractionOfFile, label + ": " + message);
    }

    JobContext context() {
        return context;
    }
}
