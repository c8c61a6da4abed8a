package io.igw.engine.bench;

import io.igw.engine.graph.InterestGraphBuilder;
import io.igw.engine.graph.ItemTags;
import io.igw.engine.graph.TagConcepts;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.CatalogueEncoding;
import io.igw.engine.text.ConceptFinder;
import io.igw.engine.text.TextEncoder;
import io.igw.engine.text.TextVectors;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Concepts: the tags the workbench gathers into concepts, beside what the text model's similarity alone would
 * gather (the baseline), in the same run. Each concept is judged against the catalogue: it is <em>pure</em> when
 * every form's items sit mostly in the same category (forms of one thing are sold in one place); how many tags are
 * merged, and every concept of more than one form, both ways.
 */
public final class ConceptsBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final TextEncoder encoder;

    public ConceptsBenchmark(Workspace workspace, TextEncoder encoder) {
        this.workspace = workspace;
        this.encoder = encoder;
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        context.progress(0, "the catalogue's tag vectors");
        TextVectors vectors = CatalogueEncoding.currentTagVectors(workspace, encoder, context.part(0, 0.8, null));
        String version = InterestGraphBuilder.catalogueVersion(new DatasetStore(workspace));
        CatalogLookup catalog = CatalogLookup.load(workspace);
        ItemTags tags = ItemTags.of(workspace, version, () -> catalog);
        Map<String, Long> mainCategory = mainCategories(tags, catalog);
        context.progress(0.8, "gathering concepts");
        long t0 = System.nanoTime();
        TagConcepts concepts = ConceptFinder.find(tags, catalog, vectors, version, true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        TagConcepts similarOnly = ConceptFinder.find(tags, catalog, vectors, version, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", vectors.model());
        out.put("tags", tags.names().length);
        out.put("seconds", seconds);
        put(out, "concepts", concepts, mainCategory);
        put(out, "similarity_only", similarOnly, mainCategory);
        context.progress(1, "done");
        return out;
    }

    private static void put(Map<String, Object> out, String name, TagConcepts concepts, Map<String, Long> mainCategory) {
        List<List<String>> merged = concepts.merged();
        int pure = 0;
        List<Object> listed = new ArrayList<>();
        for (List<String> forms : merged) {
            boolean isPure = forms.stream().map(f -> mainCategory.getOrDefault(f, -1L)).distinct().count() == 1;
            pure += isPure ? 1 : 0;
            listed.add(String.join(" / ", forms) + (isPure ? "" : "  [mixed categories]"));
        }
        out.put(name + "_merged", merged.size());
        out.put(name + "_tags_in_merged", merged.stream().mapToInt(List::size).sum());
        out.put(name + "_tag_nodes", concepts.tags() - merged.stream().mapToInt(f -> f.size() - 1).sum());
        out.put(name + "_pure_share", merged.isEmpty() ? 0 : (double) pure / merged.size());
        out.put(name + "_list", listed);
    }

    /** Each tag's commonest category among the items it tags (ties: the lower id). */
    private static Map<String, Long> mainCategories(ItemTags tags, CatalogLookup catalog) {
        Map<String, Map<Long, Integer>> counts = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            long[] categories = catalog.categoriesOrOwn(tags.itemAt(i));
            long category = categories.length > 0 ? categories[0] : -1L;
            for (int t : tags.tagsAt(i)) {
                counts.computeIfAbsent(tags.names()[t], k -> new HashMap<>()).merge(category, 1, Integer::sum);
            }
        }
        Map<String, Long> out = new HashMap<>();
        counts.forEach((tag, byCategory) -> out.put(tag, byCategory.entrySet().stream()
                .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey()));
        return out;
    }
}
