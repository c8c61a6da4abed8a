package io.igw.storage;

import java.util.function.Consumer;

/**
 * Tells a watcher each time the workspace is read or written: a JDBC connection taken, a column file read. The
 * window's tests install one that fails when this happens on the FX thread, which must never wait for I/O; nothing
 * watches in normal use, and then it costs one volatile read.
 */
public final class IoWatch {
    private static volatile Consumer<String> watcher;

    private IoWatch() {
    }

    /** Installs {@code w} (null to stop watching); it hears what is being done, on the thread doing it. */
    public static void watch(Consumer<String> w) {
        watcher = w;
    }

    /** Called by whatever reads or writes the workspace, naming what it does. */
    public static void touching(String what) {
        Consumer<String> w = watcher;
        if (w != null) {
            w.accept(what);
        }
    }
}
