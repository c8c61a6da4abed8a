package io.igw.storage.columns;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of the workspace that is not what was written: its checksum does not match, it is shorter or longer than
 * it was, or it is gone. The message names the file and what is wrong with it; H2 stays the system of record, so
 * what the file held can be made again from it.
 */
public final class DamagedFile extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public DamagedFile(Path file, String problem) {
        super(file + " is damaged: " + problem);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }

    /** The damaged file among the causes of {@code failure}, or null. */
    public static DamagedFile in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DamagedFile d) {
                return d;
            }
        }
        return null;
    }
}
