package io.igw.engine.graph;

import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.events.EventRow;
import java.util.HashMap;
import java.util.Map;

/**
 * What the catalogue says about each item slot of a build: the categories it counts towards, its brand and its
 * tags, with categories and brands numbered densely for the build.
 */
final class ItemFacts {
    final LongSlots categories = new LongSlots(256);
    final String[] brandNames;
    final int[][] itemCategories;
    final int[] itemBrand;
    final int[][] itemTags;
    final float[][] itemTagWeights;
    final ItemTags tags;

    ItemFacts(PairState pairs, CatalogLookup catalog, ItemTags tags) {
        this.tags = tags;
        int n = pairs.items.size();
        itemCategories = new int[n][];
        itemBrand = new int[n];
        itemTags = new int[n][];
        itemTagWeights = new float[n][];
        Map<String, Integer> brandIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long id = pairs.items.key(i);
            CatalogLookup.Item item = catalog.item(id);
            itemCategories[i] = categorySlots(pairs.itemCategory[i], item, catalog.categoriesOf(id));
            String brand = item == null ? null : item.brand();
            itemBrand[i] = brand == null || brand.isBlank() ? -1 : brandIndex.computeIfAbsent(brand, b -> brandIndex.size());
            int at = tags.find(id);
            itemTags[i] = tags.tagsAt(at);
            itemTagWeights[i] = tags.weightsAt(at);
        }
        brandNames = new String[brandIndex.size()];
        brandIndex.forEach((name, index) -> brandNames[index] = name);
    }

    /**
     * The category slots an item counts towards: its event's category, else all its catalogue categories (a film's
     * genres), else its catalogue category.
     */
    private int[] categorySlots(long eventCategory, CatalogLookup.Item item, long[] catalogued) {
        if (eventCategory != EventRow.NO_CATEGORY) {
            return new int[]{categories.slot(eventCategory)};
        }
        if (catalogued.length > 0) {
            int[] slots = new int[catalogued.length];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = categories.slot(catalogued[k]);
            }
            return slots;
        }
        if (item != null && item.categoryId() != null) {
            return new int[]{categories.slot(item.categoryId())};
        }
        return new int[0];
    }

    void save(ColumnFolderWriter out) {
        out.longs("category_ids", categories.keys(), categories.size());
        out.strings("brand_names", brandNames);
        out.strings("tag_names", tags.names());
    }
}
