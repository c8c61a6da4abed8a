package io.igw.app.ui;

import static org.junit.jupiter.api.Assertions.fail;

import io.igw.storage.IoWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a window test when the workspace is read or written on the FX thread: a JDBC connection taken, a column
 * file read, a file written by an export ({@link IoWatch}). Each failure names what was done and from where.
 */
public final class FxThreadGuard implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final List<String> VIOLATIONS = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        IoWatch.watch(what -> {
            if (Platform.isFxApplicationThread()) {
                StackTraceElement[] stack = new Throwable().getStackTrace();
                String where = java.util.Arrays.stream(stack).filter(f -> f.getClassName().startsWith("io.igw.app"))
                        .limit(3).map(StackTraceElement::toString).collect(Collectors.joining(" < "));
                synchronized (VIOLATIONS) {
                    VIOLATIONS.add(what + " at " + where);
                }
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> seen;
        synchronized (VIOLATIONS) {
            seen = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
        }
        if (!seen.isEmpty()) {
            fail("The FX thread did I/O " + seen.size() + " time(s):\n  " + seen.stream().distinct().limit(15)
                    .collect(Collectors.joining("\n  ")));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        IoWatch.watch(null);
    }
}
