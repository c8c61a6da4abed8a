package io.igw.storage;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Undoing a failed step without hiding why it failed, and telling a full disk from other failures. When a disk
 * fills, H2 closes the database, so the clean-up after the failure fails too ("the database has been closed"): that
 * second failure is kept beside the first, never in its place, and the next opening of the workspace finishes the
 * clean-up.
 */
public final class Cleanup {
    private static final Pattern NO_SPACE = Pattern.compile(
            "(?i).*(no space left on device|not enough space on the disk|disk quota exceeded|disk full).*");

    private Cleanup() {
    }

    /** Runs {@code undo} after {@code failure}; a failure of the undo is added to it as suppressed. */
    public static void after(Throwable failure, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException | Error undone) {
            failure.addSuppressed(undone);
        }
    }

    /** Whether the disk being full is among the causes (or the suppressed failures) of {@code failure}. */
    public static boolean diskFull(Throwable failure) {
        return diskFull(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean diskFull(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if ((t instanceof IOException || t.getClass().getName().endsWith("FileSystemException"))
                && t.getMessage() != null && NO_SPACE.matcher(t.getMessage()).matches()) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (diskFull(s, seen)) {
                return true;
            }
        }
        return diskFull(t.getCause(), seen);
    }
}
