package io.igw.engine.graph;

import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.datasets.DatasetKind;
import io.igw.storage.datasets.DatasetStore;
import io.igw.storage.events.EventColumns;
import io.igw.storage.events.EventRow;
import io.igw.storage.graph.GraphStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the interest graph knows about each item, as weighted features a content model can learn from: its categories
 * (the event's category, else the catalogue's: a film's genres, else the one inferred from its title, marked), its
 * brand and its tags' concepts, named as the graph names them ({@code category:Drama}, {@code brand:Acme},
 * {@code tag:war}). Built from the same cached catalogue facts, tags, inferred categories and concepts as the graph.
 */
public final class ItemFeatures {
    private final List<String> names;
    private final Map<Long, int[]> features;
    private final Map<Long, float[]> weights;

    private final TagConcepts concepts;

    private ItemFeatures(List<String> names, Map<Long, int[]> features, Map<Long, float[]> weights, TagConcepts concepts) {
        this.names = names;
        this.features = features;
        this.weights = weights;
        this.concepts = concepts;
    }

    public static ItemFeatures load(Workspace workspace) {
        DatasetStore datasets = new DatasetStore(workspace);
        Map<Long, Long> eventCategory = new HashMap<>();
        EventColumns snapshots = new EventColumns(workspace);
        for (int id : datasets.completeIds(DatasetKind.EVENTS)) {
            EventColumns.Batch b = snapshots.read(id);
            for (int k = 0; k < b.size(); k++) {
                if (b.category()[k] != EventRow.NO_CATEGORY) {
                    eventCategory.putIfAbsent(b.item()[k], b.category()[k]);
                }
            }
        }
        return load(workspace, eventCategory);
    }

    /**
     * The same, given each item's category as the events name it (for a caller that has read the events already:
     * they are not read again).
     */
    public static ItemFeatures load(Workspace workspace, Map<Long, Long> eventCategory) {
        DatasetStore datasets = new DatasetStore(workspace);
        GraphStore store = new GraphStore(workspace);
        String version = InterestGraphBuilder.catalogueVersion(datasets);
        CatalogLookup lookup = CatalogLookup.load(workspace, false);
        CatalogueFacts catalogue = CatalogueFacts.cached(store.catalogueCache("catalogue", version), () -> lookup);
        ItemTags tags = ItemTags.of(workspace, version, () -> CatalogLookup.load(workspace));
        TagConcepts concepts = TagConcepts.currentOrNone(workspace);
        InferredCategories.Lookup inferred = InferredCategories.current(workspace).map(InferredCategories::lookup)
                .orElse(InferredCategories.Lookup.NONE);
        Builder builder = new Builder();
        java.util.Set<Long> items = new java.util.HashSet<>(lookup.items().keySet());
        items.addAll(eventCategory.keySet());
        for (long item : items) {
            int at = catalogue.find(item);
            Long fromEvents = eventCategory.get(item);
            long[] categories = fromEvents != null ? new long[]{fromEvents}
                    : at < 0 ? new long[0]
                    : catalogue.categories(at).length > 0 ? catalogue.categories(at)
                    : catalogue.category(at) == EventRow.NO_CATEGORY ? new long[0] : new long[]{catalogue.category(at)};
            for (long c : categories) {
                CatalogLookup.Category category = lookup.category(c);
                builder.add(item, "category:" + (category == null ? String.valueOf(c) : category.label()), 1f);
            }
            long guessed = categories.length == 0 ? inferred.categoryOf(item) : EventRow.NO_CATEGORY;
            CatalogLookup.Category guessedAs = guessed == EventRow.NO_CATEGORY ? null : lookup.category(guessed);
            if (guessedAs != null) {
                builder.add(item, "category:" + guessedAs.label() + InferredCategories.LABEL_SUFFIX, 1f);
            }
            if (at >= 0 && catalogue.brand(at) >= 0) {
                builder.add(item, "brand:" + catalogue.brandNames()[catalogue.brand(at)], 1f);
            }
            int tagged = tags.find(item);
            if (tagged >= 0) {
                for (int t = tags.start(tagged); t < tags.end(tagged); t++) {
                    builder.add(item, "tag:" + concepts.headOf(tags.names()[tags.tags()[t]]), tags.weights()[t]);
                }
            }
        }
        return builder.build(concepts);
    }

    /** The concepts the tag features are named by (a feature {@code tag:H} is concept H, any of whose forms it stands for). */
    public TagConcepts concepts() {
        return concepts;
    }

    /** How many distinct features there are. */
    public int size() {
        return names.size();
    }

    public String name(int feature) {
        return names.get(feature);
    }

    /** The item's feature numbers (empty when the graph knows nothing of it). */
    public int[] of(long itemId) {
        return features.getOrDefault(itemId, new int[0]);
    }

    /** The weights of {@link #of}'s features, in the same order. */
    public float[] weightsOf(long itemId) {
        return weights.getOrDefault(itemId, new float[0]);
    }

    private static final class Builder {
        private final Map<String, Integer> numbers = new LinkedHashMap<>();
        private final Map<Long, List<int[]>> features = new HashMap<>();
        private final Map<Long, List<Float>> weights = new HashMap<>();

        /** Adds a feature to an item; one it has already (two forms of one concept) keeps the first, stronger, weight. */
        void add(long item, String name, float weight) {
            int f = numbers.computeIfAbsent(name, n -> numbers.size());
            List<int[]> of = features.computeIfAbsent(item, x -> new ArrayList<>());
            for (int[] known : of) {
                if (known[0] == f) {
                    return;
                }
            }
            of.add(new int[]{f});
            weights.computeIfAbsent(item, x -> new ArrayList<>()).add(weight);
        }

        ItemFeatures build(TagConcepts concepts) {
            Map<Long, int[]> f = new HashMap<>();
            Map<Long, float[]> w = new HashMap<>();
            features.forEach((item, list) -> f.put(item, list.stream().mapToInt(a -> a[0]).toArray()));
            weights.forEach((item, list) -> {
                float[] a = new float[list.size()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = list.get(k);
                }
                w.put(item, a);
            });
            return new ItemFeatures(new ArrayList<>(numbers.keySet()), f, w, concepts);
        }
    }
}
