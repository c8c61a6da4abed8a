package io.igw.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.engine.graph.Evidence;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An update with new events gives the graph a full build over all the events gives (issue #3, Deliver 4). */
class GraphUpdateTest {
    private static final JobContext QUIET = JobContext.quiet();

    @TempDir
    Path tmp;

    @Test
    void importABuildImportBUpdateEqualsAFullBuildOverAPlusB() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(600, 11)).run(QUIET);
        List<String> lines = Files.readAllLines(data.resolve("events.csv"));
        long cut = lines.stream().mapToLong(GraphUpdateTest::time).sorted().skip(lines.size() * 7L / 10).findFirst().orElseThrow();
        // A: the first 70% of the time; B: the rest, plus every 13th earlier event (late arrivals, inside old sessions)
        Path a = write(tmp.resolve("a.csv"), lines, (l, i) -> time(l) < cut && i % 13 != 0);
        Path b = write(tmp.resolve("b.csv"), lines, (l, i) -> time(l) >= cut || i % 13 == 0);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(a), Map.of(DatasetKind.ITEMS,
                    data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")), "")).run(QUIET);
            GraphParameters params = GraphParameters.defaults();
            GraphBuildSummary first = InterestGraphBuilder.full(ws, params).run(QUIET);
            new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, b)).run(QUIET);

            GraphBuildSummary updated = InterestGraphBuilder.update(ws, params).run(QUIET);
            GraphBuildSummary full = InterestGraphBuilder.full(ws, params).run(QUIET);

            assertEquals("update", updated.madeBy());
            assertEquals(lines.size() - first.events(), updated.newEvents());
            assertEquals(lines.size(), updated.events());
            assertEquals(full.asOf(), updated.asOf());
            assertEquals(full.nodes(), updated.nodes());
            assertEquals(full.edges(), updated.edges());
            GraphStore store = new GraphStore(ws);
            InterestGraph u = InterestGraph.open(ws, store.find(updated.buildId()).orElseThrow());
            InterestGraph f = InterestGraph.open(ws, store.find(full.buildId()).orElseThrow());
            int compared = 0;
            for (long user : f.users()) {
                assertSame(f.interests(user, null), u.interests(user, null), "user " + user);
                assertSameEvidence(f.evidence(user), u.evidence(user), "user " + user);
                compared++;
            }
            assertEquals(600, compared);
            for (long item = 1; item <= 3000; item += 7) {
                List<InterestGraph.Link> fl = f.itemLinks(item);
                List<InterestGraph.Link> ul = u.itemLinks(item);
                assertEquals(fl.size(), ul.size(), "links of item " + item);
                for (int k = 0; k < fl.size(); k++) {
                    assertEquals(fl.get(k).strength(), ul.get(k).strength(), 1e-3, "link lift of item " + item);
                }
            }
            assertEquals(f.categoryLinks().size(), u.categoryLinks().size());

            GraphBuildSummary again = InterestGraphBuilder.update(ws, params).run(QUIET);
            assertEquals(0, again.newEvents(), "nothing new: the graph is up to date");
            assertEquals(full.buildId(), again.buildId());

            // a new catalogue (here: reviews) is new to the graph even without new events
            Path reviews = Files.writeString(tmp.resolve("reviews.csv"), "user_id,item_id,rating,text,timestamp\n");
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(), Map.of(DatasetKind.REVIEWS, reviews), ""))
                    .run(QUIET);
            GraphBuildSummary recatalogued = InterestGraphBuilder.update(ws, params).run(QUIET);
            assertTrue(recatalogued.buildId() > full.buildId(), "a new build for the new catalogue");
            assertEquals(0, recatalogued.newEvents());
        }
    }

    private static void assertSame(List<Interest> expected, List<Interest> actual, String who) {
        Map<String, Interest> byKey = new HashMap<>();
        actual.forEach(i -> byKey.put(i.kind() + ":" + i.target(), i));
        int matched = 0;
        for (Interest e : expected) {
            Interest a = byKey.get(e.kind() + ":" + e.target());
            if (a == null) {
                // only an edge right at a pruning boundary may differ by rounding
                assertTrue(e.score() < 0.0101 || e.kind().equals("item"), who + " lacks " + e);
                continue;
            }
            assertEquals(e.score(), a.score(), 1e-4, who + " " + e.kind() + ":" + e.target());
            assertEquals(e.weight(), a.weight(), 1e-3 * Math.max(1, e.weight()), who + " weight " + e.target());
            assertEquals(e.lastTime(), a.lastTime(), who + " last evidence " + e.target());
            matched++;
        }
        assertTrue(matched >= expected.size() - 1, who + ": " + matched + " of " + expected.size() + " interests match");
    }

    private static void assertSameEvidence(Map<String, List<Evidence>> expected, Map<String, List<Evidence>> actual, String who) {
        for (Map.Entry<String, List<Evidence>> e : expected.entrySet()) {
            List<Evidence> a = actual.get(e.getKey());
            if (a == null || e.getKey().startsWith("item:")) {
                continue;
            }
            assertEquals(e.getValue().get(0).weight(), a.get(0).weight(), 1e-3 * Math.max(1, e.getValue().get(0).weight()),
                    who + " strongest evidence of " + e.getKey());
        }
    }

    private static long time(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(',') + 1).trim());
    }

    private interface LinePredicate {
        boolean test(String line, int index);
    }

    private static Path write(Path file, List<String> lines, LinePredicate keep) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (keep.test(lines.get(i), i)) {
                out.add(lines.get(i));
            }
        }
        return Files.write(file, out);
    }
}
