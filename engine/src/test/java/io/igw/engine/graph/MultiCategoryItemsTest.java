package io.igw.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.Interest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiCategoryItemsTest {
    @TempDir
    Path tmp;

    @Test
    void aFilmInTwoGenresSpreadsItsWeightOverBoth() throws Exception {
        String flags = "|0|0|0|0|0|%s|0|0|%s|0|0|0|0|0|0|0|0|0|0"; // Comedy is flag 5, Drama flag 8
        Path items = tmp.resolve("u.item");
        Files.write(items, (("1|Funny Drama (1995)|01-Jan-1995||http://x" + String.format(flags, "1", "1") + "\n")
                + ("2|Plain Drama (1995)|01-Jan-1995||http://y" + String.format(flags, "0", "1") + "\n"))
                .getBytes(StandardCharsets.ISO_8859_1));
        Path ratings = tmp.resolve("u.data");
        Files.writeString(ratings, "7\t1\t5\t881250949\n7\t2\t5\t881250949\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.MOVIELENS, List.of(ratings),
                    Map.of(DatasetKind.ITEMS, items), "")).run(JobContext.quiet());
            GraphBuildSummary build = InterestGraphBuilder.full(ws, GraphParameters.defaults()).run(JobContext.quiet());

            GraphStore store = new GraphStore(ws);
            List<Interest> genres = InterestGraph.open(ws, store.find(build.buildId()).orElseThrow()).interests(7, GraphKind.CATEGORY);
            assertEquals(List.of("8", "5"), genres.stream().map(Interest::target).toList());
            assertEquals(0.75, genres.get(0).score(), 1e-6);
            assertEquals(0.25, genres.get(1).score(), 1e-6);
            assertEquals("Drama", genres.get(0).label());
        }
    }
}
