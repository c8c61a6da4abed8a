package io.igw.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A folder holding one embedded H2 file database and the importer's fingerprint files. Opening it migrates the
 * schema to the current version and clears away any import that a crash or a kill left unfinished, so a workspace
 * that opens is always consistent. No server port is ever opened.
 */
public final class Workspace implements AutoCloseable {
    private static final String DB_NAME = "workspace";
    private static final String MARKER = "igw-workspace.txt";

    private final Path folder;
    private final JdbcConnectionPool pool;

    /**
     * What a part of the workspace does each time it opens, to undo what a crash left half-done: the stores of
     * datasets, graph builds and models discard unfinished work, the events view is rebuilt. Each store provides its
     * own (listed in {@code META-INF/services}, in the order they run), so that this package needs none of them.
     */
    public interface Recovery {
        void recover(Workspace workspace);
    }

    private Workspace(Path folder, JdbcConnectionPool pool) {
        this.folder = folder;
        this.pool = pool;
    }

    /** Opens the workspace in {@code folder}, creating it when {@code create} is set and the folder holds none. */
    public static Workspace open(Path folder, boolean create) {
        IoWatch.touching("opening the workspace " + folder);
        Path dir = folder.toAbsolutePath().normalize();
        boolean exists = Files.isRegularFile(dir.resolve(DB_NAME + ".mv.db"));
        if (!exists && !create) {
            throw new WorkspaceException("No workspace at " + dir + " (import a dataset into it to create one).");
        }
        if (!exists && Files.isRegularFile(dir)) {
            throw new WorkspaceException(dir + " is a file, not a workspace folder.");
        }
        try {
            Files.createDirectories(dir);
            if (!exists) {
                Files.writeString(dir.resolve(MARKER), "Interest Graph Workbench workspace: open this folder in the workbench.\n");
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create the workspace folder " + dir + ": " + e.getMessage(), e);
        }
        try {
            return prepare(dir);
        } catch (WorkspaceException e) {
            if (!closedWhileRecovering(e)) {
                throw e;
            }
            // decision: after a full disk (and rarely after a kill) H2 may close its store during the first opening
            // that recovers it ("Map ... is closed", "The database has been closed"); the next opening finds the
            // store sound, so it is tried once more before anything is said.
            return prepare(dir);
        }
    }

    private static boolean closedWhileRecovering(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                    || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    private static Workspace prepare(Path dir) {
        // decision: MAX_MEMORY_ROWS bounds what H2 buffers of a large result before spilling to disk, which keeps
        // the bulk import's heap flat whatever the file size.
        String url = "jdbc:h2:file:" + dir.resolve(DB_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;MAX_MEMORY_ROWS=20000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "igw", "");
        pool.setMaxConnections(8);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(dir, e);
        }
        Workspace ws = new Workspace(dir, pool);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            for (Recovery r : ServiceLoader.load(Recovery.class, Workspace.class.getClassLoader())) {
                r.recover(ws);
            }
            // what opening wrote (a new schema, the recoveries' clean-up) is on disk before anyone may kill us
            ws.syncToDisk();
        } catch (RuntimeException e) {
            ws.close();
            if (e instanceof WorkspaceException) {
                throw e;
            }
            throw new WorkspaceException("The workspace at " + dir + " could not be prepared: " + rootMessage(e), e);
        }
        return ws;
    }

    /**
     * Writes everything committed to the file now. H2 writes commits to disk within half a second; a process killed
     * in that time loses them. That is harmless for most writes, but not for the ones that make something visible
     * or the last step before files are deleted: a new workspace's schema (seen once in KilledImportIT: a store whose
     * newest chunk was never written), and each completion of an import, a graph build or a model (seen in
     * KilledWritersIT: a completed build lost while the build it retired was already deleted). Those call this.
     */
    public void syncToDisk() {
        try (Connection c = connection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot write the workspace at " + folder + " to disk: " + e.getMessage(), e);
        }
    }

    private static WorkspaceException translate(Path dir, SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new WorkspaceException("The workspace at " + dir + " is open in another process; close it there first.", e);
        }
        if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1 || e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
            return new WorkspaceException("The workspace file in " + dir + " is damaged or from an unknown version: " + e.getMessage(), e);
        }
        return new WorkspaceException("Cannot open the workspace at " + dir + ": " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public Path folder() {
        return folder;
    }

    /** A pooled connection; close it when done. Only the storage module ever holds one. */
    public Connection connection() {
        IoWatch.touching("a JDBC connection to " + folder);
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new WorkspaceException("Lost the connection to the workspace at " + folder + ": " + e.getMessage(), e);
        }
    }



    /** Wraps an unexpected SQL failure in a message that names the workspace and the operation. */
    public WorkspaceException failure(String operation, SQLException e) {
        return new WorkspaceException("Workspace " + folder + ": " + operation + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.dispose();
    }

    /** One lock per thing written, for the jobs of this process (another process cannot open the workspace at all). */
    private final Map<String, ReentrantLock> writers = new ConcurrentHashMap<>();

    /** Held while a job writes one thing; closing it lets the next job that writes the same thing go on. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until no other job of this process is writing {@code what} (two graph builds started from two screens
     * take turns rather than interleave), telling {@code waiting} once if it must wait; returns null when
     * {@code cancelled} becomes true first.
     */
    public Turn turnToWrite(String what, BooleanSupplier cancelled, Runnable waiting) {
        ReentrantLock lock = writers.computeIfAbsent(what, k -> new ReentrantLock());
        try {
            if (!lock.tryLock()) {
                waiting.run();
                while (!lock.tryLock(200, TimeUnit.MILLISECONDS)) {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return lock::unlock;
    }
}
