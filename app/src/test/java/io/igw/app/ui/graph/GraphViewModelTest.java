package io.igw.app.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.app.ui.TextModelStandIn;
import io.igw.app.ui.kit.UiTasks;
import io.igw.engine.explore.Subgraph;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.graph.TagConcepts;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.engine.task.JobRunner;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Graph Explorer's behaviour without its pixels: jobs run in place, results land at once. */
class GraphViewModelTest {
    @TempDir
    Path tmp;

    private Workspace workspace;
    private GraphViewModel model;

    @BeforeEach
    void open() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(200, 9)).run(JobContext.quiet());
        workspace = Workspace.open(tmp.resolve("ws"), true);
        new WorkspaceImport(workspace, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")),
                "")).run(JobContext.quiet());
        model = new GraphViewModel(workspace, new UiTasks(JobRunner.direct(), Runnable::run), new TextModelStandIn());
        model.layoutFrozen.set(true);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void aWorkspaceWithoutAGraphOffersToBuildOne() {
        model.refresh();
        assertFalse(model.hasGraph.get());
        model.buildGraph();
        assertTrue(model.hasGraph.get());
        assertTrue(model.status.get().startsWith("Interest graph built from"), model.status.get());
    }

    @Test
    void searchingAUserShowsTheirInterestsAndTheFiltersThinThem() {
        model.buildGraph();
        model.query.set("3");
        model.search();
        Subgraph all = model.visible.get();
        assertEquals("user:3", all.nodes().get(0).key());
        assertTrue(all.nodes().stream().anyMatch(n -> n.kind().equals("category")));
        assertTrue(model.status.get().endsWith("around user 3"), model.status.get());

        model.threshold.set(0.2);
        Subgraph strong = model.visible.get();
        assertTrue(strong.nodes().size() < all.nodes().size(), strong.nodes().size() + " < " + all.nodes().size());
        assertTrue(strong.edges().stream().allMatch(e -> e.weight() >= 0.2));

        model.threshold.set(0);
        model.kinds.remove("tag");
        assertTrue(model.visible.get().nodes().stream().noneMatch(n -> n.kind().equals("tag")));

        model.depth.set(2);
        model.search();
        assertTrue(model.visible.get().nodes().stream().filter(n -> n.kind().equals("user")).count() > 1,
                "depth 2 reaches other users through shared interests");
    }

    @Test
    void clickingANodeLoadsItsDetailsAndDoubleClickingRecentres() {
        model.buildGraph();
        model.query.set("5");
        model.search();
        model.select("user:5");
        NodeDetails details = model.selected.get();
        assertEquals("User 5", details.title());
        assertTrue(details.facts().stream().anyMatch(f -> f.startsWith("Most similar users: ")), details.facts().toString());
        assertFalse(details.shares().isEmpty());
        assertFalse(details.evidence().isEmpty());

        String category = model.visible.get().nodes().stream().filter(n -> n.kind().equals("category")).findFirst()
                .orElseThrow().key();
        model.centreOn(category);
        assertEquals(category, model.visible.get().nodes().get(0).key());
        assertTrue(model.visible.get().nodes().stream().anyMatch(n -> n.key().equals("user:5")));
    }

    @Test
    void titlesAreSuggestedOnlyForAnItemAndAnotherSelectionClearsThem() {
        model.buildGraph();
        model.suggestTitles();
        assertEquals("Select an item to suggest titles for.", model.titles.status.get());
        model.select("user:5");
        model.suggestTitles();
        assertEquals("Select an item to suggest titles for.", model.titles.status.get());
        assertTrue(model.titleSuggestions.isEmpty());
        model.select("category:" + model.visible.get().nodes().stream().filter(n -> n.kind().equals("category")).findFirst()
                .map(n -> n.key().substring(9)).orElse("1"));
        assertEquals("", model.titles.status.get(), "a new selection clears the last one's titles and status");
    }

    @Test
    void theCommunitiesOverviewHasOneNodePerCommunity() {
        model.buildGraph();
        model.showCommunities();
        Subgraph overview = model.visible.get();
        assertTrue(overview.nodes().size() > 2, overview.nodes().size() + " nodes");
        assertTrue(overview.nodes().stream().skip(1).allMatch(n -> n.kind().equals("community")));
    }

    @Test
    void aDepartmentShowsItsCategoriesFromTheCatalogueTree() {
        model.buildGraph();
        model.query.set("Sports & Outdoors");
        model.search();
        Subgraph tree = model.visible.get();
        assertEquals("category:1", tree.nodes().get(0).key(), tree.nodes().get(0).toString());
        assertTrue(tree.nodes().stream().filter(n -> n.kind().equals("category")).count() >= 4,
                "the department's leaf categories: " + tree.nodes());
        assertTrue(tree.edges().stream().allMatch(e -> e.kind().equals("category tree")));
    }

    @Test
    void aSearchThatFindsNothingSaysSo() {
        model.buildGraph();
        model.query.set("qqqq xxxx");
        model.search();
        assertEquals("Nothing in the graph matches 'qqqq xxxx'.", model.status.get());
    }

    @Test
    void aSearchNoNameMatchesFindsWhatItMeans() {
        model.buildGraph();
        model.query.set("trail runing shoes");
        model.search();
        assertFalse(model.visible.get().isEmpty(), model.status.get());
        assertTrue(model.status.get().contains("found by meaning"), model.status.get());
        assertTrue(model.visible.get().nodes().get(0).label().toLowerCase(java.util.Locale.ROOT).contains("trail"),
                "the centre is what the words mean: " + model.visible.get().nodes().get(0));
    }

    @Test
    void aConceptIsOneNodeFoundByAnyOfItsFormsAndListsThem() {
        model.buildGraph();
        model.query.set("5");
        model.search();
        List<String> tags = model.visible.get().nodes().stream().filter(n -> n.kind().equals("tag"))
                .map(n -> n.key().substring("tag:".length())).limit(2).toList();
        assertEquals(2, tags.size(), "user 5 has tag interests");
        String head = tags.get(0);
        String form = tags.get(1);
        new TagConcepts("test", InterestGraphBuilder.catalogueVersion(new DatasetStore(workspace)),
                new String[]{head, form}, new String[]{head, head}).save(workspace);
        model.buildGraph();

        model.query.set(form);
        model.search();
        assertEquals("tag:" + head, model.visible.get().nodes().get(0).key(), "the form finds its concept");
        model.select("tag:" + head);
        NodeDetails details = model.selected.get();
        assertEquals(head, details.title());
        assertTrue(details.facts().contains("Concept of 2 tags that mean the same: " + head + ", " + form),
                details.facts().toString());
        assertFalse(details.shares().isEmpty(), "its interested users");
    }
}
