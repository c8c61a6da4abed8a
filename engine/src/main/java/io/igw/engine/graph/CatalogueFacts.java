package io.igw.engine.graph;

import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.events.EventRow;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a graph build needs from the catalogue, as arrays: per item (ids ascending) its catalogue category, its
 * brand and all its categories (a film's genres). Read from H2 once per catalogue version and kept in a column
 * folder beside the builds, since reading 100k items through JDBC costs most of a second every build.
 */
final class CatalogueFacts {
    private final long[] itemIds;
    private final long[] category;
    private final int[] brand;
    private final String[] brandNames;
    private final int[] categoriesStart;
    private final long[] categories;

    private CatalogueFacts(long[] itemIds, long[] category, int[] brand, String[] brandNames, int[] categoriesStart,
                           long[] categories) {
        this.itemIds = itemIds;
        this.category = category;
        this.brand = brand;
        this.brandNames = brandNames;
        this.categoriesStart = categoriesStart;
        this.categories = categories;
    }

    static CatalogueFacts cached(Path folder, Supplier<CatalogLookup> catalog) {
        java.util.Optional<CatalogueFacts> kept = ColumnFolder.readCache(folder, f -> new CatalogueFacts(f.longs("item_ids"),
                f.longs("category"), f.ints("brand"), f.strings("brand_names"), f.ints("categories_start"), f.longs("categories")));
        if (kept.isPresent()) {
            return kept.get();
        }
        CatalogueFacts facts = of(catalog.get());
        try (ColumnFolderWriter w = new ColumnFolderWriter(folder)) {
            w.longs("item_ids", facts.itemIds, facts.itemIds.length);
            w.longs("category", facts.category, facts.category.length);
            w.ints("brand", facts.brand, facts.brand.length);
            w.strings("brand_names", facts.brandNames);
            w.ints("categories_start", facts.categoriesStart, facts.categoriesStart.length);
            w.longs("categories", facts.categories, facts.categories.length);
            w.commit();
        }
        return facts;
    }

    static CatalogueFacts of(CatalogLookup catalog) {
        long[] ids = catalog.items().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] category = new long[ids.length];
        int[] brand = new int[ids.length];
        int[] start = new int[ids.length + 1];
        long[] all = new long[16];
        int n = 0;
        Map<String, Integer> brands = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            CatalogLookup.Item item = catalog.item(ids[i]);
            category[i] = item.categoryId() == null ? EventRow.NO_CATEGORY : item.categoryId();
            String b = item.brand();
            brand[i] = b == null || b.isBlank() ? -1 : brands.computeIfAbsent(b, k -> brands.size());
            start[i] = n;
            for (long c : catalog.categoriesOf(ids[i])) {
                if (n == all.length) {
                    all = Arrays.copyOf(all, n * 2);
                }
                all[n++] = c;
            }
        }
        start[ids.length] = n;
        String[] names = new String[brands.size()];
        brands.forEach((name, index) -> names[index] = name);
        return new CatalogueFacts(ids, category, brand, names, start, Arrays.copyOf(all, n));
    }

    /** The item's position, or -1 when the catalogue does not list it. */
    int find(long itemId) {
        int k = Arrays.binarySearch(itemIds, itemId);
        return k < 0 ? -1 : k;
    }

    long category(int position) {
        return position < 0 ? EventRow.NO_CATEGORY : category[position];
    }

    /** The brand's index into {@link #brandNames()}, or -1. */
    int brand(int position) {
        return position < 0 ? -1 : brand[position];
    }

    String[] brandNames() {
        return brandNames;
    }

    long[] categories(int position) {
        return position < 0 ? new long[0] : Arrays.copyOfRange(categories, categoriesStart[position], categoriesStart[position + 1]);
    }
}
