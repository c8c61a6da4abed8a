package io.igw.spark;

import org.apache.spark.sql.SparkSession;

/** The workbench's Spark driver: quiet, without the web UI, on the master the command names. */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkSession start(String master, int partitions) {
        SparkSession.Builder b = SparkSession.builder().appName("Interest Graph Workbench").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            // a laptop on a network whose name does not resolve must still reach its own driver
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (partitions == 0 && master.startsWith("local")) {
            // Spark's 200 shuffle partitions cost more than they split on one machine: two per core
            partitions = 2 * localCores(master);
        }
        if (partitions > 0) {
            b.config("spark.sql.shuffle.partitions", String.valueOf(partitions))
                    .config("spark.default.parallelism", String.valueOf(partitions));
        }
        try {
            return b.getOrCreate();
        } catch (IllegalStateException e) {
            throw unreachable(master);
        }
    }

    /**
     * What a standalone master that never answered comes to: Spark gives up after about a minute and stops its
     * context, and the next call on it fails.
     */
    static IllegalArgumentException unreachable(String master) {
        return new IllegalArgumentException("Spark stopped before the job ran: is a master running at " + master
                + "? (its log on the master says why it refused, when it did)");
    }

    /** {@code e}, or when it comes from a context Spark stopped, the one line of {@link #unreachable}. */
    static RuntimeException explain(SparkSession spark, String master, RuntimeException e) {
        return e instanceof IllegalStateException && spark.sparkContext().isStopped() ? unreachable(master) : e;
    }

    /** Work for a Spark session over the events at {@code events} (and the catalogue's items, when exported here). */
    interface OnEvents<T> {
        T run(SparkSession spark, String events, String catalogue) throws Exception;
    }

    /**
     * Runs {@code work} on a session on {@code options.master()} over {@code options.input()}, or over the workspace's
     * own events exported to Parquet first (then removed, whatever happens); explains a master that never answered.
     */
    static <T> T overEvents(io.igw.storage.Workspace workspace, io.igw.engine.distributed.DistributedEngine.SparkOptions options,
                            io.igw.engine.task.JobContext context, OnEvents<T> work) throws Exception {
        java.nio.file.Path exported = null;
        try {
            String events = options.input();
            String catalogue = null;
            if (events == null) {
                exported = exportFolder(workspace, options.master());
                new ParquetExport(workspace, exported).run(context.part(0, 0.1, "exporting to Parquet: "));
                events = ParquetExport.events(exported).toUri().toString();
                catalogue = exported.resolve("items.parquet").toUri().toString();
            }
            context.checkCancelled();
            context.progress(0.1, "starting Spark on " + options.master());
            SparkSession spark = start(options.master(), options.partitions());
            try (CancelWatch watch = new CancelWatch(spark, context)) {
                return work.run(spark, events, catalogue);
            } catch (Exception e) {
                if (context.isCancelled()) {
                    // Spark's jobs were cancelled under the work (a SparkException) or it noticed first: either way
                    throw new io.igw.engine.task.CancelledException();
                }
                throw e instanceof IllegalStateException ise ? explain(spark, options.master(), ise) : e;
            } finally {
                spark.stop();
            }
        } finally {
            if (exported != null) {
                SparkGraphBuild.deleteTree(exported);
            }
        }
    }

    /**
     * Cancels the session's running Spark jobs as soon as the workbench's job is cancelled (Ctrl-C, the window's
     * Cancel), instead of letting a stage of minutes finish first.
     */
    private static final class CancelWatch implements AutoCloseable {
        private final Thread thread;
        private volatile boolean done;

        CancelWatch(SparkSession spark, io.igw.engine.task.JobContext context) {
            thread = new Thread(() -> {
                while (!done) {
                    if (context.isCancelled()) {
                        try {
                            spark.sparkContext().cancelAllJobs();
                        } catch (IllegalStateException stopped) {
                            // the work saw the cancel first and the session is already stopped: nothing left to cancel
                        }
                        return;
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "igw-spark-cancel");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }

    /**
     * The folder a job's own export of the workspace goes to, left by no earlier run: under the workspace (one
     * process holds it at a time), so that an export a killed run left behind is removed by the next.
     */
    private static java.nio.file.Path exportFolder(io.igw.storage.Workspace workspace, String master) throws java.io.IOException {
        if (!master.startsWith("local")) {
            throw new IllegalArgumentException("On a cluster (" + master + ") Spark's executors cannot read this machine's "
                    + "files: write the events with igw export parquet, copy them where the cluster reads (hdfs://, s3a://) "
                    + "and name them with --input.");
        }
        try (var old = java.nio.file.Files.newDirectoryStream(workspace.folder(), "spark-input-*")) {
            for (java.nio.file.Path p : old) {
                SparkGraphBuild.deleteTree(p);
            }
        }
        return java.nio.file.Files.createTempDirectory(workspace.folder(), "spark-input-");
    }

    /** The cores local, local[N] or local[*] (local[N,F] too) runs on. */
    static int localCores(String master) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]").matcher(master);
        if (!m.matches()) {
            return 1;
        }
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(m.group(1)));
    }
}
