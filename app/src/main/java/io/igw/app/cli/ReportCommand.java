package io.igw.app.cli;

import io.igw.engine.report.ReportBuilder;
import io.igw.engine.report.ReportContent;
import io.igw.engine.report.ReportSection;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.Target;
import io.igw.storage.Workspace;
import io.igw.viz.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a report of the workspace as one self-contained HTML file or a PDF, with its tables as CSV beside it.",
            "Sections: datasets, graph, models, audiences, creatives, predictions, rules (all by default).",
            "Audiences: each --audience is one campaign (as igw audience --target takes it); by default the three categories most users are interested in."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--out", required = true, paramLabel = "FILE.html|FILE.pdf", description = "The report to write (its extension picks the format).")
    Path out;

    @Option(names = "--sections", split = ",", paramLabel = "S", description = "Which sections, comma-separated (default: all).")
    List<String> sections = new ArrayList<>();

    @Option(names = "--audience", paramLabel = "KIND:VALUE[,...]", description = "A campaign to preview in the audiences section (up to 5).")
    List<String> audiences = new ArrayList<>();

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        ReportWriter.formatOf(out);
        List<ReportSection> chosen = ReportSection.parse(sections);
        List<AudienceSpec> specs = new ArrayList<>();
        for (String a : audiences) {
            specs.add(AudienceSpec.of(Target.parseAll(Arrays.asList(a.split(",")), "--audience")).withThreshold(0.2));
        }
        long t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(workspace, false)) {
            ReportContent content = Jobs.run("report", new ReportBuilder(ws, chosen, specs), output.quiet);
            ReportWriter.Written w = ReportWriter.write(content, out);
            System.out.println(Json.write(Json.obj(
                    "path", w.path().toString(),
                    "format", w.format(),
                    "sections", chosen.stream().map(ReportSection::label).toList(),
                    "pages", w.format().equals("pdf") ? w.pages() : null,
                    "bytes", w.bytes(),
                    "tables", w.tables().stream().map(Path::toString).toList(),
                    "seconds", (System.nanoTime() - t0) / 1e9)));
        }
        return 0;
    }
}
