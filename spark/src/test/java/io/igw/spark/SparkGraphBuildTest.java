package io.igw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.distributed.DistributedEngine.SparkOptions;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.graph.GraphStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in {@code local[2]} and the in-process builder give the same graph on a generated log (issue 16): the same
 * interests per user (scores and weights within 1e-4), the same item links by lift and the same category links.
 */
class SparkGraphBuildTest {
    private static final JobContext QUIET = JobContext.quiet();

    @TempDir
    static Path tmp;
    static Workspace ws;

    @BeforeAll
    static void workspace() throws Exception {
        ws = GeneratedShop.open(tmp, 500, 7);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void theSparkBuildIsTheLocalBuild() throws Exception {
        GraphParameters params = GraphParameters.defaults().withHalfLife(10);
        GraphBuildSummary local = InterestGraphBuilder.full(ws, params).run(QUIET);
        DistributedEngine spark = DistributedEngine.find().orElseThrow();
        GraphBuildSummary distributed = spark.graphBuild(ws, params, new SparkOptions("local[2]", null, 4)).run(QUIET);

        assertEquals("spark", distributed.madeBy());
        assertEquals(local.events(), distributed.events());
        assertEquals(local.asOf(), distributed.asOf());
        assertEquals(local.nodes(), distributed.nodes());
        assertEquals(local.edges(), distributed.edges());
        GraphStore store = new GraphStore(ws);
        InterestGraph l = InterestGraph.open(ws, store.find(local.buildId()).orElseThrow());
        InterestGraph s = InterestGraph.open(ws, store.find(distributed.buildId()).orElseThrow());
        int users = 0;
        for (long user : l.users()) {
            assertSameInterests(l.interests(user, null), s.interests(user, null), "user " + user);
            users++;
        }
        assertEquals(500, users);
        int linked = 0;
        for (long item = 1; item <= 4000; item++) {
            List<InterestGraph.Link> ll = l.itemLinks(item);
            List<InterestGraph.Link> sl = s.itemLinks(item);
            assertEquals(ll.size(), sl.size(), "links of item " + item);
            for (int k = 0; k < ll.size(); k++) {
                assertEquals(ll.get(k).strength(), sl.get(k).strength(), 1e-4, "lift of item " + item + "'s link " + k);
            }
            assertSameLinkTargets(ll, sl, "item " + item);
            linked += ll.isEmpty() ? 0 : 1;
        }
        assertTrue(linked > 100, "links to compare: " + linked);
        System.out.printf("compared %d users, %d items with links, %d category links%n", users, linked, l.categoryLinks().size());
        assertEquals(l.categoryLinks().size(), s.categoryLinks().size());
        for (int k = 0; k < l.categoryLinks().size(); k++) {
            assertEquals(l.categoryLinks().get(k)[0].strength(), s.categoryLinks().get(k)[0].strength(), 1e-4);
        }
    }

    /** What a cluster runs: the job's main (as spark-submit would call it) writes Parquet; the workbench writes it back. */
    @Test
    void aSubmittedJobsOutputBecomesTheSameBuild() throws Exception {
        GraphParameters params = GraphParameters.defaults();
        GraphBuildSummary local = InterestGraphBuilder.full(ws, params).run(QUIET);
        Path parquet = tmp.resolve("parquet");
        new ParquetExport(ws, parquet).run(QUIET);
        Path output = tmp.resolve("aggregates");
        System.setProperty("spark.master", "local[2]");
        try {
            io.igw.spark.job.GraphAggregation.main(new String[]{"--input", ParquetExport.events(parquet).toString(),
                "--output", output.toString(), "--as-of", String.valueOf(local.asOf())});
        } finally {
            System.clearProperty("spark.master");
        }
        DistributedEngine spark = DistributedEngine.find().orElseThrow();
        GraphBuildSummary written = spark.graphBuild(ws, params,
                new SparkOptions("local[1]", null, 2, output.toString())).run(QUIET);
        assertEquals("spark", written.madeBy());
        assertEquals(local.events(), written.events());
        assertEquals(local.nodes(), written.nodes());
        assertEquals(local.edges(), written.edges());

        IllegalArgumentException otherHalfLife = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> spark.graphBuild(ws, params.withHalfLife(7), new SparkOptions("local[1]", null, 2, output.toString())).run(QUIET));
        assertTrue(otherHalfLife.getMessage().contains("--half-life-days 14.0"), otherHalfLife.getMessage());
    }

    @Test
    void theJobsDefaultsAreTheWorkbenchs() {
        io.igw.spark.job.GraphAggregation.Settings workbench = SparkGraphBuild.settings(GraphParameters.defaults(), 0);
        assertEquals(workbench.weights(),
                io.igw.spark.job.GraphAggregation.Settings.parseWeights(io.igw.spark.job.GraphAggregation.DEFAULT_WEIGHTS));
        assertEquals(workbench.sessionGapSeconds(), io.igw.spark.job.GraphAggregation.SESSION_GAP_SECONDS);
        assertEquals(workbench.maxSessionItems(), io.igw.spark.job.GraphAggregation.MAX_SESSION_ITEMS);
    }

    private static void assertSameInterests(List<Interest> expected, List<Interest> actual, String who) {
        assertEquals(expected.size(), actual.size(), who + "'s interests");
        Map<String, Interest> byKey = new HashMap<>();
        actual.forEach(i -> byKey.put(i.kind() + ":" + i.target(), i));
        for (Interest e : expected) {
            Interest a = byKey.get(e.kind() + ":" + e.target());
            assertNotNull(a, who + " lacks " + e);
            assertEquals(e.score(), a.score(), 1e-4, who + " " + e.kind() + ":" + e.target());
            assertEquals(e.weight(), a.weight(), 1e-4 * Math.max(1, e.weight()), who + " weight of " + e.target());
            assertEquals(e.lastTime(), a.lastTime(), who + " last evidence of " + e.target());
        }
    }

    /** The same linked items, but where two links tie on lift either may come first. */
    private static void assertSameLinkTargets(List<InterestGraph.Link> expected, List<InterestGraph.Link> actual, String who) {
        Map<String, Double> a = new HashMap<>();
        actual.forEach(x -> a.put(x.id(), x.strength()));
        double weakest = expected.isEmpty() ? 0 : expected.get(expected.size() - 1).strength();
        for (InterestGraph.Link e : expected) {
            assertTrue(a.containsKey(e.id()) || Math.abs(e.strength() - weakest) < 1e-4, who + " lacks a link to " + e.id());
        }
    }
}
