package io.igw.engine.graph;

import io.igw.storage.Workspace;
import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.storage.events.EventRow;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Categories inferred for items the catalogue leaves without one ({@code igw categorise}), as stored in the
 * workspace beside the text vectors, with the model that inferred them and the catalogue version they are for.
 *
 * <p>The graph never mixes them with the catalogue's: an item's inferred category {@code c} becomes its own node,
 * numbered {@link #nodeId(long) -1 - c} and labelled "… (inferred)", linked to the catalogue category it was
 * inferred as. Only votes at least {@link #MIN_CONFIDENCE} sure are used.
 */
public final class InferredCategories {
    /** A majority of the neighbours' similarity-weighted vote. */
    public static final double MIN_CONFIDENCE = 0.5;
    public static final String LABEL_SUFFIX = " (inferred)";

    private final String model;
    private final String catalogueVersion;
    private final int categorised;
    private final long[] itemIds;
    private final long[] categoryIds;
    private final float[] confidence;

    public InferredCategories(String model, String catalogueVersion, int categorised, long[] itemIds,
                              long[] categoryIds, float[] confidence) {
        this.model = model;
        this.catalogueVersion = catalogueVersion;
        this.categorised = categorised;
        this.itemIds = itemIds.clone();
        this.categoryIds = categoryIds.clone();
        this.confidence = confidence.clone();
    }

    /** Where the workspace keeps them. */
    public static Path folder(Workspace workspace) {
        return workspace.folder().resolve("text-vectors").resolve("inferred-categories");
    }

    /** The graph's node for category {@code c} when it was inferred rather than catalogued. */
    public static long nodeId(long categoryId) {
        return -1 - categoryId;
    }

    /** The catalogue category an inferred node stands for (the inverse of {@link #nodeId}). */
    public static long inferredAs(long nodeId) {
        return -1 - nodeId;
    }

    /** Those stored for the workspace's current catalogue, if any. */
    public static Optional<InferredCategories> current(Workspace workspace) {
        return CatalogueDerived.current(workspace, folder(workspace)).map(f -> new InferredCategories(f.strings("about")[0],
                f.strings("about")[1], f.ints("categorised")[0], f.longs("item_ids"), f.longs("category_ids"),
                f.floats("confidence")));
    }

    /** Replaces what the workspace keeps, in one rename. */
    public void save(Workspace workspace) {
        try (ColumnFolderWriter w = new ColumnFolderWriter(folder(workspace))) {
            w.strings("about", new String[]{model, catalogueVersion});
            w.ints("categorised", new int[]{categorised}, 1);
            w.longs("item_ids", itemIds, itemIds.length);
            w.longs("category_ids", categoryIds, categoryIds.length);
            w.floats("confidence", confidence, confidence.length);
            w.commit();
        }
    }

    public String model() {
        return model;
    }

    public String catalogueVersion() {
        return catalogueVersion;
    }

    public int categorised() {
        return categorised;
    }

    public int size() {
        return itemIds.length;
    }

    public long itemId(int i) {
        return itemIds[i];
    }

    public long categoryId(int i) {
        return categoryIds[i];
    }

    public double confidence(int i) {
        return confidence[i];
    }

    /**
     * What a graph build records of them, so that a later update knows whether they changed: the model and a hash of
     * the categories used.
     */
    String stamp() {
        return "inferred categories " + model + " #" + Integer.toHexString(
                31 * Arrays.hashCode(itemIds) + Arrays.hashCode(categoryIds));
    }

    /** Each item's inferred category for a build, {@link EventRow#NO_CATEGORY} where there is none sure enough. */
    Lookup lookup() {
        LongSlots items = new LongSlots(Math.max(1, itemIds.length));
        long[] categories = new long[itemIds.length];
        for (int i = 0; i < itemIds.length; i++) {
            if (confidence[i] >= MIN_CONFIDENCE) {
                categories[items.slot(itemIds[i])] = categoryIds[i];
            }
        }
        return new Lookup(items, categories);
    }

    /** Item id → inferred category. */
    static final class Lookup {
        static final Lookup NONE = new Lookup(new LongSlots(1), new long[0]);
        private final LongSlots items;
        private final long[] categories;

        private Lookup(LongSlots items, long[] categories) {
            this.items = items;
            this.categories = categories;
        }

        long categoryOf(long itemId) {
            int slot = items.find(itemId);
            return slot < 0 ? EventRow.NO_CATEGORY : categories[slot];
        }
    }
}
