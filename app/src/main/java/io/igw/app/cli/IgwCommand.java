package io.igw.app.cli;

import io.igw.app.ui.WorkbenchApp;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code igw}: with no command it opens the workbench; the commands run the same engine jobs from a shell. */
@Command(name = "igw", mixinStandardHelpOptions = true, versionProvider = IgwCommand.Version.class,
        description = {"Interest Graph Workbench: behaviour logs into a user interest graph.",
            "With no command, opens the workbench window (on the demo workspace unless --workspace is given)."},
        subcommands = {GenerateCommand.class, ImportCommand.class, StatsCommand.class, GraphCommand.class,
            InterestsCommand.class, CommunitiesCommand.class, EvaluateCommand.class, TrainCommand.class, RecommendCommand.class,
            SimilarCommand.class, RulesCommand.class, ExportCommand.class, AudienceCommand.class, PredictCommand.class, ReportCommand.class,
            DoctorCommand.class, EncodeCommand.class, SearchCommand.class, CategoriseCommand.class, TitlesCommand.class, CreativesCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class IgwCommand implements Runnable {
    @Option(names = "--workspace", paramLabel = "W", description = "Workspace folder to open in the window.")
    Path workspace;

    @Override
    public void run() {
        WorkbenchApp.launchWith(workspace);
    }

    /** The version stamped into the jar's manifest by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"igw " + version()};
        }

        static String version() {
            String v = IgwCommand.class.getPackage().getImplementationVersion();
            return v == null ? "development build" : v;
        }
    }
}
