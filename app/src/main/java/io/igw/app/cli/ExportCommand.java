package io.igw.app.cli;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a workspace's data for other tools.",
        subcommands = {ExportCommand.Parquet.class})
final class ExportCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("Name what to export: igw export parquet --workspace W --out DIR");
    }

    @Command(name = "parquet", mixinStandardHelpOptions = true,
            description = {"The events and the catalogue as Parquet, the layout the Spark engine reads:",
                "DIR/events/dataset-N.parquet (user_id, item_id, category_id, behaviour, time in epoch seconds,",
                "strength), DIR/items.parquet and DIR/categories.parquet. Spark, DuckDB and pandas read them as they are."})
    static final class Parquet implements Callable<Integer> {
        @Option(names = "--workspace", required = true, paramLabel = "W")
        Path workspace;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            try (Workspace ws = Workspace.open(workspace, false)) {
                Map<String, Object> s = Jobs.run("export parquet", DistributedEngine.require().exportParquet(ws, out), output.quiet);
                System.out.println(Json.write(s));
            }
            return 0;
        }
    }
}
