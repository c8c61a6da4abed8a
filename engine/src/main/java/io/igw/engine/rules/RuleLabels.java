package io.igw.engine.rules;

import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.List;

/** A rule's sides by name: items by title, categories by label, each with its id ("Supor wok (802)"). */
public final class RuleLabels {
    private RuleLabels() {
    }

    public static String side(long[] ids, Baskets.Level level, CatalogLookup catalog) {
        List<String> out = new ArrayList<>();
        for (long id : ids) {
            if (level == Baskets.Level.CATEGORY) {
                CatalogLookup.Category c = catalog.category(id);
                out.add((c == null ? "category " + id : c.label()) + " (" + id + ")");
            } else {
                CatalogLookup.Item i = catalog.item(id);
                out.add((i == null || i.title() == null ? "item " + id : i.title()) + " (" + id + ")");
            }
        }
        return String.join(" + ", out);
    }
}
