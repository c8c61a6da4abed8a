package io.igw.engine.graph;

import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.events.EventRow;

/**
 * What the catalogue says about each item slot of a build: the categories it counts towards, its brand and its
 * tags, with categories and brands numbered densely for the build, and tags gathered into their concepts
 * ({@link TagConcepts}): the graph's tag nodes are concepts, named by their heads.
 */
final class ItemFacts {
    final LongSlots categories = new LongSlots(256);
    final String[] brandNames;
    final int[][] itemCategories;
    final int[] itemBrand;
    /** Each item's tags as a range of {@link ItemTags#tags()} and {@link ItemTags#weights()}. */
    final int[] tagFrom;
    final int[] tagTo;
    final ItemTags tags;
    /** Each of {@link ItemTags#names()}'s tags' concept: an index into {@link #conceptNames}. */
    final int[] tagConcept;
    final String[] conceptNames;
    /** Per entry of {@link ItemTags#tags()}: a second form of a concept the item has already (counted once). */
    final boolean[] repeatedConcept;
    private final String[] conceptForms;

    ItemFacts(PairState pairs, CatalogueFacts catalogue, ItemTags tags, InferredCategories.Lookup inferred,
              TagConcepts concepts) {
        this.tags = tags;
        String[] names = tags.names();
        tagConcept = new int[names.length];
        java.util.Map<String, Integer> slots = new java.util.LinkedHashMap<>();
        for (int t = 0; t < names.length; t++) {
            tagConcept[t] = slots.computeIfAbsent(concepts.headOf(names[t]), h -> slots.size());
        }
        conceptNames = slots.keySet().toArray(new String[0]);
        repeatedConcept = repeats(tags, tagConcept);
        conceptForms = new String[conceptNames.length];
        for (int c = 0; c < conceptNames.length; c++) {
            conceptForms[c] = TagConcepts.joined(concepts.formsOf(conceptNames[c]));
        }
        int n = pairs.items.size();
        itemCategories = new int[n][];
        itemBrand = new int[n];
        tagFrom = new int[n];
        tagTo = new int[n];
        brandNames = catalogue.brandNames();
        for (int i = 0; i < n; i++) {
            long id = pairs.items.key(i);
            int at = catalogue.find(id);
            itemCategories[i] = categorySlots(pairs.itemCategory[i], catalogue.category(at), catalogue.categories(at),
                    inferred.categoryOf(id));
            itemBrand[i] = catalogue.brand(at);
            int tagged = tags.find(id);
            tagFrom[i] = tags.start(tagged);
            tagTo[i] = tags.end(tagged);
        }
    }

    /**
     * The category slots an item counts towards: its event's category, else all its catalogue categories (a film's
     * genres), else its catalogue category, else the category inferred for it (its own node, never the catalogue's).
     */
    private int[] categorySlots(long eventCategory, long catalogueCategory, long[] catalogued, long inferred) {
        if (eventCategory != EventRow.NO_CATEGORY) {
            return single(categories.slot(eventCategory));
        }
        if (catalogued.length > 0) {
            int[] slots = new int[catalogued.length];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = categories.slot(catalogued[k]);
            }
            return slots;
        }
        if (catalogueCategory != EventRow.NO_CATEGORY) {
            return single(categories.slot(catalogueCategory));
        }
        if (inferred != EventRow.NO_CATEGORY) {
            return single(categories.slot(InferredCategories.nodeId(inferred)));
        }
        return new int[0];
    }

    private int[][] singles = new int[64][];

    /** The one-category array of a category slot, shared by every item in just that category. */
    private int[] single(int slot) {
        if (slot >= singles.length) {
            singles = java.util.Arrays.copyOf(singles, Math.max(slot + 1, singles.length * 2));
        }
        if (singles[slot] == null) {
            singles[slot] = new int[]{slot};
        }
        return singles[slot];
    }

    /**
     * Marks each entry of {@link ItemTags#tags()} whose concept an earlier (stronger) tag of the same item has
     * already: an item tagged with two forms of one concept counts towards it once. Worked out once per item here,
     * not once per (user, item) pair.
     */
    private static boolean[] repeats(ItemTags tags, int[] tagConcept) {
        int[] t = tags.tags();
        boolean[] repeat = new boolean[t.length];
        for (int p = 0; p < tags.size(); p++) {
            for (int j = tags.start(p); j < tags.end(p); j++) {
                for (int q = tags.start(p); q < j && !repeat[j]; q++) {
                    repeat[j] = tagConcept[t[q]] == tagConcept[t[j]];
                }
            }
        }
        return repeat;
    }

    void save(ColumnFolderWriter out) {
        out.longs(GraphColumns.CATEGORY_IDS, categories.keys(), categories.size());
        out.strings(GraphColumns.BRAND_NAMES, brandNames);
        out.strings(GraphColumns.TAG_NAMES, conceptNames);
        out.strings(GraphColumns.TAG_FORMS, conceptForms);
    }
}
