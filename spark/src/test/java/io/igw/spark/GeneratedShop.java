package io.igw.spark;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A generated shop (events, items, categories) imported into a new workspace under {@code folder}. */
final class GeneratedShop {
    private GeneratedShop() {
    }

    static Workspace open(Path folder, int users, long seed) throws Exception {
        Path data = folder.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(users, seed)).run(JobContext.quiet());
        Workspace ws = Workspace.open(folder.resolve("ws"), true);
        new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")), Map.of(
                DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")), ""))
                .run(JobContext.quiet());
        return ws;
    }
}
