package io.igw.engine.graph;

import io.igw.engine.ingest.ImportReport;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.graph.GraphBuild;
import io.igw.storage.graph.GraphStore;
import java.util.Optional;

/**
 * An import, then, when the workspace already has an interest graph and new events came in, an update of that
 * graph with the same parameters: the job the CLI's {@code import} and the Data view run, so that importing new
 * events keeps the graph current. Once the import has finished, the update is not cancelled halfway: the import
 * is kept either way, and the update is short.
 */
public final class ImportThenUpdate implements Job<ImportThenUpdate.Result> {
    /** The import's report, and the graph update it led to (null when there was no graph or nothing new). */
    public record Result(ImportReport report, GraphBuildSummary graph) {
    }

    private final Workspace workspace;
    private final ImportRequest request;

    public ImportThenUpdate(Workspace workspace, ImportRequest request) {
        this.workspace = workspace;
        this.request = request;
    }

    @Override
    public Result run(JobContext context) throws Exception {
        Optional<GraphBuild> latest = new GraphStore(workspace).latest();
        double importShare = latest.isPresent() ? 0.85 : 1.0;
        ImportReport report = new WorkspaceImport(workspace, request).run(context.part(0, importShare, null));
        if (latest.isEmpty() || report.imported() == 0) {
            return new Result(report, null);
        }
        GraphParameters params = GraphParameters.parse(latest.get().parameters());
        GraphBuildSummary graph = InterestGraphBuilder.update(workspace, params)
                .run(context.part(importShare, 1 - importShare, "updating the interest graph: ").uncancellable());
        return new Result(report, graph);
    }
}
