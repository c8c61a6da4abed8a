package io.igw.app;

import io.igw.app.cli.IgwCommand;
import io.igw.app.cli.UserErrors;
import picocli.CommandLine;

/**
 * The one entry point of the jar. It is not a JavaFX Application, so that the CLI starts without the toolkit and
 * the jar runs with JavaFX on the plain class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        java.util.Optional<Integer> restarted = OpenBlasKernels.restartIfNeeded();
        System.exit(restarted.isPresent() ? restarted.get() : run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new IgwCommand());
        UserErrors.install(cli);
        io.igw.app.cli.CommandEnd.begin();
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors on: one raised outside a job (reading a large file in a command) ends here
            return UserErrors.report(e);
        } finally {
            io.igw.app.cli.CommandEnd.end();
        }
    }
}
