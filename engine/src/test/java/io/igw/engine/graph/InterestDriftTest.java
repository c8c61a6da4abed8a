package io.igw.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.engine.graph.GraphKind;
import io.igw.storage.graph.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two snapshots of the graph compared: which interests rose and which fell (issue #3, Deliver 4). */
class InterestDriftTest {
    private static final long DAY = 86_400;
    private static final long START = 1_780_000_000L;

    @TempDir
    Path tmp;

    @Test
    void usersWhoMoveFromShoesToBooksShowBooksRisingAndShoesFalling() throws Exception {
        // users 1-20 look at shoes (category 10) in the first week and at books (category 20) in the fourth;
        // users 21-30 look at toys (category 30) throughout
        List<String> lines = new ArrayList<>();
        for (int user = 1; user <= 30; user++) {
            for (int day = 0; day < 28; day++) {
                boolean early = day < 7;
                boolean late = day >= 21;
                long category = user > 20 ? 30 : early ? 10 : late ? 20 : 0;
                if (category != 0) {
                    lines.add(user + "," + (category * 100 + day % 5) + "," + category + ",pv," + (START + day * DAY + user));
                }
            }
        }
        Path events = Files.write(tmp.resolve("events.csv"), lines);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, events)).run(JobContext.quiet());
            GraphParameters params = GraphParameters.defaults().withHalfLife(7);
            GraphBuildSummary weekTwo = InterestGraphBuilder.full(ws, params.withAsOf(START + 14 * DAY)).run(JobContext.quiet());
            GraphBuildSummary end = InterestGraphBuilder.full(ws, params).run(JobContext.quiet());
            GraphStore store = new GraphStore(ws);
            store.pin(weekTwo.buildId(), "week two");
            InterestDrift drift = new InterestDrift(InterestGraph.open(ws, store.find(weekTwo.buildId()).orElseThrow()),
                    InterestGraph.open(ws, store.find(end.buildId()).orElseThrow()));

            List<InterestDrift.Change> user1 = drift.forUser(1, GraphKind.CATEGORY);
            assertEquals("20", user1.get(0).id(), "books rose most for user 1");
            assertEquals(0, user1.get(0).before(), 1e-9);
            assertTrue(user1.get(0).after() > 0.8, "books now lead: " + user1.get(0).after());
            assertEquals("10", user1.get(user1.size() - 1).id(), "shoes fell most for user 1");
            assertTrue(drift.forUser(25, GraphKind.CATEGORY).isEmpty(), "toys only, before and after: no drift");

            List<InterestDrift.Change> overall = drift.overall(GraphKind.CATEGORY);
            assertEquals("20", overall.get(0).id());
            assertEquals(20.0 / 30 * user1.get(0).after(), overall.get(0).change(), 1e-3, "two thirds of users moved to books");
            assertEquals("10", overall.get(overall.size() - 1).id());
            assertEquals("week two", store.find(weekTwo.buildId()).orElseThrow().pinnedAs());
        }
    }
}
