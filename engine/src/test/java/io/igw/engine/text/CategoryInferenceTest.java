package io.igw.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.InferredCategories;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.graph.GraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items without a category take the one their closest titles share, kept apart and marked with a confidence, and the
 * graph shows them as their own, marked nodes.
 */
class CategoryInferenceTest {
    private static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir
    Path tmp;

    @Test
    void anItemWithoutACategoryTakesItsNeighboursAndTheCatalogueIsLeftAlone() throws Exception {
        // every fifth item of the sample catalogue loses its category; the truth is kept aside
        List<String> lines = Files.readAllLines(SAMPLE.resolve("items.csv"));
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        Map<Long, Long> truth = new HashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",", -1);
            if (n % 5 == 0) {
                truth.put(Long.parseLong(f[0]), Long.parseLong(f[2]));
                f[2] = "";
            }
            out.add(String.join(",", f));
        }
        Path items = tmp.resolve("items.csv");
        Files.write(items, out);
        // the events without their category column, as a RetailRocket-style log has it
        List<String> events = new ArrayList<>(List.of("user_id,item_id,behaviour,timestamp"));
        for (String line : Files.readAllLines(SAMPLE.resolve("events.csv"))) {
            String[] f = line.split(",");
            events.add(f[0] + "," + f[1] + "," + f[3] + "," + f[4]);
        }
        Path log = tmp.resolve("events.csv");
        Files.write(log, events);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.GENERIC, List.of(log),
                    Map.of(DatasetKind.ITEMS, items, DatasetKind.CATEGORIES, SAMPLE.resolve("categories.csv")), "")).run(JobContext.quiet());
            CategoryInference.Result r = new CategoryInference(ws, new Bilingual(), 10)
                    .run(JobContext.quiet());
            assertEquals(truth.size(), r.inferred().size(), "every uncategorised item gets one");
            assertEquals(lines.size() - 1 - truth.size(), r.categorised());
            int right = 0;
            for (CategoryInference.Inferred i : r.inferred()) {
                assertTrue(i.confidence() > 0 && i.confidence() <= 1, "confidence " + i.confidence());
                right += truth.get(i.itemId()) == i.categoryId() ? 1 : 0;
            }
            double accuracy = (double) right / truth.size();
            assertTrue(accuracy > 0.9, "the text model finds the category of nine items in ten: " + accuracy);

            CatalogLookup catalog = CatalogLookup.load(ws);
            for (long id : truth.keySet()) {
                assertEquals(null, catalog.item(id).categoryId(), "the catalogue's own categories are not touched");
            }
            CategoryInference.Result stored = CategoryInference.stored(ws).orElseThrow();
            assertEquals(r.inferred().size(), stored.inferred().size());
            assertEquals(Bilingual.MODEL, stored.model());

            // the graph gives them their own nodes, marked, beside the catalogue's
            GraphBuildSummary build = InterestGraphBuilder.full(ws, GraphParameters.defaults()).run(JobContext.quiet());
            InterestGraph graph = InterestGraph.open(ws, new GraphStore(ws).find(build.buildId()).orElseThrow());
            Map<Long, Long> inferredAs = new HashMap<>();
            r.inferred().stream().filter(i -> i.confidence() >= InferredCategories.MIN_CONFIDENCE)
                    .forEach(i -> inferredAs.put(i.itemId(), i.categoryId()));
            int marked = 0;
            int catalogued = 0;
            for (long user : graph.users()) {
                for (Interest i : graph.interests(user, GraphKind.CATEGORY)) {
                    long id = Long.parseLong(i.target());
                    if (graph.isInferred(id)) {
                        marked++;
                        long as = InferredCategories.inferredAs(id);
                        assertEquals(graph.categoryLabel(as) + " (inferred)", i.label());
                        assertTrue(inferredAs.containsValue(as));
                        assertEquals(Long.toString(as), graph.categoryTree(id).get(0).id(), "linked to what it was inferred as");
                    } else {
                        catalogued++;
                        assertTrue(catalog.category(id) != null, "a catalogue category: " + id);
                    }
                }
            }
            assertTrue(marked > 0 && catalogued > 0, marked + " inferred, " + catalogued + " catalogued interests");
            GraphBuildSummary again = InterestGraphBuilder.update(ws, GraphParameters.defaults()).run(JobContext.quiet());
            assertEquals(build.buildId(), again.buildId(), "nothing changed: the graph is up to date");
        }
    }
}
