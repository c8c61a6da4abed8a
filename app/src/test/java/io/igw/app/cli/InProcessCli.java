package io.igw.app.cli;

import io.igw.app.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code igw} commands in the test's JVM and keeps what each printed. */
public final class InProcessCli {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs one command; returns its exit status. */
    public int igw(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        out.reset();
        err.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Launcher.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** What the last command printed on standard output, trimmed. */
    public String stdout() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    /** What the last command printed on standard error, trimmed. */
    public String stderr() {
        return err.toString(StandardCharsets.UTF_8).trim();
    }
}
