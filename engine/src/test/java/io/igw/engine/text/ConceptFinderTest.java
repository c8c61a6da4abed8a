package io.igw.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.activity.ItemFacets;
import io.igw.engine.graph.GraphBuildSummary;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.GraphParameters;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.graph.ItemFeatures;
import io.igw.engine.graph.TagConcepts;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.graph.GraphStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags that mean the same become one concept, by the text model and where the tags occur, and the graph, the item
 * features, targeting and search see the concept under any of its forms.
 */
class ConceptFinderTest {
    private static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir
    Path tmp;

    @Test
    void variantsOfATagAreOneConceptAndSiblingsBrandsAndLookalikeWordsAreNot() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(SAMPLE.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, SAMPLE.resolve("items.csv"), DatasetKind.CATEGORIES, SAMPLE.resolve("categories.csv")),
                    "")).run(JobContext.quiet());
            GraphBuildSummary before = InterestGraphBuilder.full(ws, GraphParameters.defaults()).run(JobContext.quiet());
            InterestGraph plain = InterestGraph.open(ws, new GraphStore(ws).find(before.buildId()).orElseThrow());
            assertFalse(plain.interestedUsers(GraphKind.TAG, "麻辣火锅底料", 1).isEmpty(), "before: a tag of its own");
            assertEquals(List.of("麻辣火锅底料"), plain.tagForms("麻辣火锅底料"));

            CatalogueEncoding.Result encoded = new CatalogueEncoding(ws, new Bilingual()).run(JobContext.quiet());
            assertTrue(encoded.concepts() > 0 && encoded.conceptTags() >= 2 * encoded.concepts(), "concepts: " + encoded);
            TagConcepts concepts = TagConcepts.current(ws).orElseThrow();
            assertEquals(Bilingual.MODEL + " " + ConceptFinder.RULES, concepts.model());
            assertEquals(List.of("火锅底料", "麻辣火锅底料"), concepts.formsOf("麻辣火锅底料"), "the commoner, shorter form heads it");
            assertEquals("风衣", concepts.headOf("复古风衣"));
            assertEquals("earphones", concepts.headOf("headphones"), "English synonyms, by the English model");
            // near in the model's space, but different things: siblings, rival brands, words that only look alike
            for (String[] apart : new String[][]{{"红酒", "白酒"}, {"猫窝", "狗窝"}, {"nike", "adidas"}, {"pants", "pan"},
                {"kettlebell", "kettle"}, {"充电器", "充电宝"}, {"pants", "trousers"}, {"shoes", "sneakers"}}) {
                assertNotEquals(concepts.headOf(apart[0]), concepts.headOf(apart[1]), String.join(" / ", apart));
            }
            for (List<String> forms : concepts.merged()) {
                assertEquals(1, forms.stream().map(f -> Script.of(f)).distinct().count(), "one language: " + forms);
            }

            // the graph rolls items up into the concept; its forms find it
            GraphBuildSummary after = InterestGraphBuilder.update(ws, GraphParameters.defaults()).run(JobContext.quiet());
            assertNotEquals(before.buildId(), after.buildId(), "new concepts make the update roll items up again");
            assertEquals((long) before.nodes().get("tag") - (encoded.conceptTags() - encoded.concepts()), (long) after.nodes().get("tag"),
                    "one tag node per concept");
            InterestGraph graph = InterestGraph.open(ws, new GraphStore(ws).find(after.buildId()).orElseThrow());
            List<Interest> viaForm = graph.interestedUsers(GraphKind.TAG, "麻辣火锅底料", 1000);
            List<Interest> viaHead = graph.interestedUsers(GraphKind.TAG, "火锅底料", 1000);
            assertEquals(viaHead, viaForm);
            assertEquals("火锅底料", viaHead.get(0).target());
            assertEquals("火锅底料 (+1 form)", viaHead.get(0).label());
            assertTrue(viaHead.size() >= plain.interestedUsers(GraphKind.TAG, "火锅底料", 1000).size());
            assertEquals(List.of("火锅底料", "麻辣火锅底料"), graph.tagForms("火锅底料"));
            assertEquals("火锅底料", graph.search("麻辣火锅底料", 5).get(0).id(), "searching a form finds its concept");

            // item features and targeting use the concept too
            ItemFeatures features = ItemFeatures.load(ws);
            assertFalse(IntStream.range(0, features.size()).mapToObj(features::name).anyMatch("tag:麻辣火锅底料"::equals));
            ItemFacets facets = ActivityLog.load(ws).facets();
            assertTrue(facets.find("tag:火锅底料") >= 0);
            assertEquals(facets.find("tag:火锅底料"), facets.find("tag:麻辣火锅底料"), "a target may name either form");
            assertEquals("tag 火锅底料 / 麻辣火锅底料", facets.label(facets.find("tag:火锅底料")));

            GraphBuildSummary again = InterestGraphBuilder.update(ws, GraphParameters.defaults()).run(JobContext.quiet());
            assertEquals(after.buildId(), again.buildId(), "nothing changed: the graph is up to date");
            assertEquals(0, new CatalogueEncoding(ws, new Bilingual()).run(JobContext.quiet()).tagsEncoded());
            assertEquals(concepts.merged(), TagConcepts.current(ws).orElseThrow().merged(), "the same concepts again");
        }
    }

    @Test
    void aVariantIsAChineseCompoundEndingInTheOtherOrAnEnglishPlural() {
        assertTrue(ConceptFinder.isVariant("火锅底料", "麻辣火锅底料", Script.HAN));
        assertFalse(ConceptFinder.isVariant("智能", "智能手机", Script.HAN), "a prefix is another thing");
        assertFalse(ConceptFinder.isVariant("衫", "针织衫", Script.HAN), "one character says too little");
        assertTrue(ConceptFinder.isVariant("card", "cards", Script.LATIN));
        assertTrue(ConceptFinder.isVariant("battery", "batteries", Script.LATIN));
        assertFalse(ConceptFinder.isVariant("pan", "pants", Script.LATIN));
        assertEquals(Script.HAN, Script.of("usb充电器"));
        assertEquals(Script.LATIN, Script.of("usb-c"));
        assertEquals(Script.OTHER, Script.of("2024"));
    }
}
