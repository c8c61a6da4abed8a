package io.igw.engine.activity;

import io.igw.engine.graph.ItemFeatures;
import io.igw.storage.catalog.CatalogLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a marketer can target in an item: its categories and their parent categories, its brand, its tags' concepts
 * and the item itself, each a facet keyed as the command line names it ({@code category:302}, {@code brand:Acme},
 * {@code tag:wine}, {@code item:17}; a concept under any of its forms). Items are numbered densely in the order they
 * are first met.
 */
public final class ItemFacets {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Map<Long, Integer> itemSlot = new HashMap<>();
    private final List<Long> itemIds = new ArrayList<>();
    private final List<int[]> itemFacets = new ArrayList<>();
    private final Map<Long, int[]> known = new HashMap<>();

    private ItemFacets() {
    }

    /** Facets from the catalogue, the graph's tags, and the category events gave each item. */
    static ItemFacets of(CatalogLookup catalog, ItemFeatures features, Map<Long, Long> eventCategory) {
        ItemFacets f = new ItemFacets();
        Set<Long> items = new LinkedHashSet<>(catalog.items().keySet());
        items.addAll(eventCategory.keySet());
        for (long id : items) {
            Set<Integer> facets = new LinkedHashSet<>();
            Long fromEvents = eventCategory.get(id);
            long[] categories = fromEvents != null ? new long[]{fromEvents} : catalog.categoriesOrOwn(id);
            CatalogLookup.Item entry = catalog.item(id);
            for (long c : categories) {
                for (Long at = c; at != null; ) {
                    CatalogLookup.Category category = catalog.category(at);
                    facets.add(f.facet("category:" + at, "category " + (category == null ? at : category.label())));
                    at = category == null || at.equals(category.parentId()) ? null : category.parentId();
                }
            }
            if (entry != null && entry.brand() != null && !entry.brand().isBlank()) {
                facets.add(f.facet("brand:" + entry.brand(), "brand " + entry.brand()));
            }
            for (int feature : features.of(id)) {
                String name = features.name(feature);
                if (name.startsWith("tag:")) {
                    facets.add(f.facet(name, "tag " + String.join(" / ", features.concepts().formsOf(name.substring(4)))));
                }
            }
            String title = entry == null || entry.title() == null ? null : entry.title();
            facets.add(f.facet("item:" + id, "item " + (title == null ? id : title)));
            f.known.put(id, facets.stream().mapToInt(Integer::intValue).toArray());
        }
        for (List<String> forms : features.concepts().merged()) {
            Integer concept = f.numbers.get("tag:" + forms.get(0));
            for (String form : forms) {
                if (concept != null) {
                    f.numbers.putIfAbsent("tag:" + form, concept); // a target may name any form of a concept
                }
            }
        }
        return f;
    }

    /** For tests and benchmarks: items whose facets are given by key, labelled by key. */
    static ItemFacets of(Map<Long, List<String>> facetsByItem) {
        ItemFacets f = new ItemFacets();
        facetsByItem.forEach((id, list) -> {
            int[] facets = new int[list.size() + 1];
            for (int k = 0; k < list.size(); k++) {
                facets[k] = f.facet(list.get(k), list.get(k).replace(':', ' '));
            }
            facets[list.size()] = f.facet("item:" + id, "item " + id);
            f.known.put(id, facets);
        });
        return f;
    }

    private int facet(String key, String label) {
        Integer n = numbers.get(key);
        if (n == null) {
            n = keys.size();
            numbers.put(key, n);
            keys.add(key);
            labels.add(label);
        }
        return n;
    }

    /** The item's slot, numbering it on first sight (an item the catalogue lacks has only its own facet). */
    int slotOf(long itemId) {
        Integer s = itemSlot.get(itemId);
        if (s == null) {
            s = itemIds.size();
            itemSlot.put(itemId, s);
            itemIds.add(itemId);
            int[] facets = known.get(itemId);
            itemFacets.add(facets != null ? facets : new int[]{facet("item:" + itemId, "item " + itemId)});
        }
        return s;
    }

    public long itemId(int slot) {
        return itemIds.get(slot);
    }

    /** The facets of the item in {@code slot}. */
    public int[] of(int slot) {
        return itemFacets.get(slot);
    }

    /** The item's own category (the first of its category facets, before their parents), or -1. */
    public int category(int slot) {
        int[] facets = itemFacets.get(slot);
        return facets.length > 0 && keys.get(facets[0]).startsWith("category:") ? facets[0] : -1;
    }

    /** The facet named {@code key} ({@code category:302}, {@code brand:Acme}, ...), or -1. */
    public int find(String key) {
        return numbers.getOrDefault(key, -1);
    }

    public String key(int facet) {
        return keys.get(facet);
    }

    /** How a reason names the facet: {@code category Phones}, {@code brand Acme}. */
    public String label(int facet) {
        return labels.get(facet);
    }

    public int count() {
        return keys.size();
    }
}
