package io.igw.app.crash;

import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.prediction.BehaviourPrediction;
import io.igw.engine.prediction.Outcome;
import io.igw.engine.prediction.SavedPredictions;
import io.igw.engine.recommenders.ModelTraining;
import io.igw.engine.report.ReportBuilder;
import io.igw.engine.report.ReportContent;
import io.igw.engine.report.ReportSection;
import io.igw.engine.targeting.AudienceCsv;
import io.igw.engine.targeting.AudiencePreview;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.Target;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.viz.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A separate JVM for the kill tests: runs one writer on a workspace, printing each progress step ({@code progress
 * 0.42}) and {@code saving} just before what it made is written, so the parent knows when to kill it; {@code done}
 * once it has finished. The same steps run in the parent after each kill, by {@link #run}.
 */
public final class WriterChild {
    private WriterChild() {
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        try (Workspace ws = Workspace.open(Path.of(args[1]), false)) {
            run(args[0], ws, out, new JobContext() {
                @Override
                public void progress(double fraction, String message) {
                    say(String.format(Locale.ROOT, "progress %.4f", fraction));
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        }
        say("done");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The audience the audience writer exports: everyone with an interest in the generator's first leaf. */
    static AudienceSpec audience() {
        return AudienceSpec.of(List.of(Target.parse("category:301", "--target")));
    }

    /** Runs writer {@code what}: build, update, predict, audience, report or train:KIND. */
    static void run(String what, Workspace ws, Path out, JobContext context) throws Exception {
        switch (what) {
            case "build" -> InterestGraphBuilder.full(ws, GraphParameters.defaults()).run(context);
            case "update" -> InterestGraphBuilder.update(ws, GraphParameters.defaults()).run(context);
            case "predict" -> {
                var scores = new BehaviourPrediction(ws, Outcome.CHURN, 7, 1).run(context);
                say("saving");
                SavedPredictions.save(ws, scores);
            }
            case "audience" -> new AudiencePreview(ws, null, new AudiencePreview.Request(List.of(audience()), null, 5.0, 7, 1, out,
                    new AudienceCsv.Privacy(true, 1))).run(context);
            case "report" -> {
                ReportContent report = new ReportBuilder(ws, List.of(ReportSection.values()), List.of()).run(context);
                say("saving");
                ReportWriter.write(report, out);
            }
            default -> {
                if (!what.startsWith("train:")) {
                    throw new IllegalArgumentException("no writer " + what);
                }
                new ModelTraining(ws, what.substring(6), 1, 2, e -> {
                }).run(context);
            }
        }
    }
}
