package io.igw.app.cli;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Builds, updates and compares the user interest graph.",
        subcommands = {GraphCommand.Build.class, GraphCommand.Update.class, GraphBuildsCommand.class,
            GraphBuildsCommand.Pin.class, DriftCommand.class})
final class GraphCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("Name what to do: igw graph build --workspace W");
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Builds user → category, tag, brand and item interests from every event, weighted by behaviour",
                "and decayed to the as-of time, with item ↔ item and category ↔ category links; prints node and",
                "edge counts per kind and the seconds taken."})
    static class Build implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        Path workspace;

        @Option(names = "--half-life-days", defaultValue = "14", paramLabel = "D",
                description = "Half-life of an event's weight (default ${DEFAULT-VALUE} days).")
        double halfLifeDays;

        @Option(names = "--as-of", paramLabel = "ISO_DATE",
                description = "Compute weights as of the end of this day (or this instant); default: the last event.")
        String asOf;

        @Mixin
        EngineOptions engine;

        @Option(names = "--aggregates", paramLabel = "PATH",
                description = {"With --engine spark: write back the output of the aggregation job run on a cluster",
                    "with spark-submit (io.igw.spark.job.GraphAggregation) instead of running it."})
        String aggregates;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            GraphParameters params = GraphParameters.defaults().withHalfLife(halfLifeDays).withAsOf(parseAsOf(asOf));
            boolean spark = engine.spark(aggregates);
            try (Workspace ws = Workspace.open(workspace, false)) {
                io.igw.engine.task.Job<GraphBuildSummary> job = spark ? sparkJob(ws, params) : job(ws, params);
                GraphBuildSummary s = Jobs.run("graph " + name(), job, output.quiet);
                System.out.println(Json.write(describe(s)));
            }
            return 0;
        }

        String name() {
            return "build";
        }

        InterestGraphBuilder job(Workspace ws, GraphParameters params) {
            return InterestGraphBuilder.full(ws, params);
        }

        io.igw.engine.task.Job<GraphBuildSummary> sparkJob(Workspace ws, GraphParameters params) {
            return DistributedEngine.require().graphBuild(ws, params, engine.options(aggregates));
        }

        static Map<String, Object> describe(GraphBuildSummary s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("build_id", s.buildId());
            m.put("made_by", s.madeBy());
            m.put("as_of", Instant.ofEpochSecond(s.asOf()).toString());
            m.put("half_life_days", s.halfLifeDays());
            m.put("events", s.events());
            m.put("new_events", s.newEvents());
            m.put("nodes", s.nodes());
            m.put("edges", s.edges());
            m.put("evidence", s.evidence());
            m.put("seconds", s.seconds());
            return m;
        }

        static Long parseAsOf(String text) {
            return AsOf.parse(text);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Updates the latest build with the datasets imported since: its weights decay to the new",
                "as-of time and only the new events are added. Runs a full build when there is none to continue."})
    static final class Update extends Build {
        @Override
        String name() {
            return "update";
        }

        @Override
        InterestGraphBuilder job(Workspace ws, GraphParameters params) {
            return InterestGraphBuilder.update(ws, params);
        }

        @Override
        io.igw.engine.task.Job<GraphBuildSummary> sparkJob(Workspace ws, GraphParameters params) {
            throw new IllegalArgumentException("An update adds only the new events and runs in the workbench: "
                    + "igw graph update --workspace W continues any build, one made with --engine spark included.");
        }
    }

    /** Parses --as-of: a day (its end, UTC) or an instant. */
    static final class AsOf {
        private AsOf() {
        }

        static Long parse(String text) {
            if (text == null) {
                return null;
            }
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
                }
                return Instant.parse(text).getEpochSecond();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of '" + text + "' is not a date (2026-09-30) or an instant "
                        + "(2026-09-30T12:00:00Z).");
            }
        }
    }
}
