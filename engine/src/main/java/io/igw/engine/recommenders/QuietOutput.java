package io.igw.engine.recommenders;

import io.igw.engine.ArchitectureExemption;
import java.io.OutputStream;
import java.io.PrintStream;

/** Runs library code that prints to standard output with nowhere for that to go: the CLI's stdout is its JSON. */
@ArchitectureExemption("SameDiff prints to standard output, which carries the CLI's JSON: this swaps it for nowhere and back")
final class QuietOutput {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private QuietOutput() {
    }

    static synchronized void run(Runnable noisy) {
        PrintStream out = System.out;
        System.setOut(NOWHERE);
        try {
            noisy.run();
        } finally {
            System.setOut(out);
        }
    }
}
