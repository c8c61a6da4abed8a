package io.igw.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.engine.task.JobHandle;
import io.igw.engine.task.JobRunner;
import io.igw.engine.task.JobState;
import io.igw.storage.Workspace;
import io.igw.storage.graph.GraphBuild;
import io.igw.storage.graph.GraphStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two graph builds started at once from one window (two screens) take turns: both finish whole, one after the other (TurnToWriteTest checks the waiting itself). */
class TwoBuildsTakeTurnsTest {
    @TempDir
    Path tmp;

    @Test
    void theSecondWaitsForTheFirstAndBothAreComplete() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(600, 4)).run(JobContext.quiet());
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true); JobRunner runner = JobRunner.background()) {
            new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, data.resolve("events.csv"))).run(JobContext.quiet());
            List<String> said = new CopyOnWriteArrayList<>();
            JobHandle<GraphBuildSummary> a = runner.submit("graph build", InterestGraphBuilder.full(ws, GraphParameters.defaults()),
                    (f, m) -> said.add("a: " + m));
            JobHandle<GraphBuildSummary> b = runner.submit("graph build", InterestGraphBuilder.full(ws, GraphParameters.defaults()),
                    (f, m) -> said.add("b: " + m));
            GraphBuildSummary first = a.await();
            GraphBuildSummary second = b.await();
            assertEquals(JobState.SUCCEEDED, a.state());
            assertEquals(JobState.SUCCEEDED, b.state());
            // one after the other: each build's steps come as one block (the other's "waiting" aside)
            List<Character> order = said.stream().filter(m -> !m.endsWith("waiting for the other graph build to finish"))
                    .map(m -> m.charAt(0)).distinct().toList();
            List<Character> blocks = new java.util.ArrayList<>();
            said.stream().filter(m -> !m.endsWith("waiting for the other graph build to finish")).map(m -> m.charAt(0))
                    .forEach(c -> {
                        if (blocks.isEmpty() || blocks.get(blocks.size() - 1) != c) {
                            blocks.add(c);
                        }
                    });
            assertEquals(order, blocks, "the two builds did not interleave: " + said);
            List<Integer> builds = new GraphStore(ws).list().stream().map(GraphBuild::id).toList();
            assertEquals(2, builds.size());
            assertTrue(builds.contains(first.buildId()) && builds.contains(second.buildId()));
            assertEquals(first.nodes(), second.nodes(), "the same build twice, neither disturbed by the other");
            assertEquals(first.edges(), second.edges());
        }
    }
}
