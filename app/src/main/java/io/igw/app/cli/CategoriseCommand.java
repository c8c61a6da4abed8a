package io.igw.app.cli;

import io.igw.engine.text.Bilingual;
import io.igw.engine.text.CategoryInference;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "categorise", mixinStandardHelpOptions = true,
        description = {"Gives each item that has no category the one its closest categorised items share, by title",
            "vector (the text model; a similarity-weighted vote of the nearest), with a confidence. Inferred categories",
            "are kept apart from the catalogue's: the next graph build or update gives those at least 50% sure their",
            "own category nodes, named \"... (inferred)\". Prints model, catalogue_version, categorised,",
            "inferred, by_category and the first --show items."})
final class CategoriseCommand implements Callable<Integer> {
    @Option(names = "--workspace", required = true, paramLabel = "W")
    Path workspace;

    @Option(names = "--neighbours", defaultValue = "10", paramLabel = "N", description = "Categorised items that vote (default ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--show", defaultValue = "20", paramLabel = "N", description = "Items printed (default ${DEFAULT-VALUE}).")
    int show;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = Workspace.open(workspace, false)) {
            CategoryInference.Result r = Jobs.run("categorise", new CategoryInference(ws, new Bilingual(), neighbours), output.quiet);
            CatalogLookup catalog = CatalogLookup.load(ws);
            Map<String, Integer> byCategory = new TreeMap<>();
            List<Object> items = new ArrayList<>();
            for (CategoryInference.Inferred i : r.inferred()) {
                String label = label(catalog, i.categoryId());
                byCategory.merge(label, 1, Integer::sum);
                if (items.size() < Math.max(0, show)) {
                    CatalogLookup.Item item = catalog.item(i.itemId());
                    items.add(Json.obj("item_id", i.itemId(), "title", item == null ? "" : item.title(),
                            "category_id", i.categoryId(), "category", label, "confidence", i.confidence(), "inferred", true));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", r.model());
            out.put("catalogue_version", r.catalogueVersion());
            out.put("categorised", r.categorised());
            out.put("inferred", r.inferred().size());
            out.put("by_category", byCategory);
            out.put("items", items);
            System.out.println(Json.write(out));
        }
        return 0;
    }

    private static String label(CatalogLookup catalog, long id) {
        CatalogLookup.Category c = catalog.category(id);
        return c == null ? Long.toString(id) : c.label();
    }
}
