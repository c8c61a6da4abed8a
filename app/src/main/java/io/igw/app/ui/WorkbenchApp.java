package io.igw.app.ui;

import java.nio.file.Path;

public final class WorkbenchApp {
    public static void launchWith(Path workspace) {
        throw new UnsupportedOperationException("window arrives next");
    }
}
