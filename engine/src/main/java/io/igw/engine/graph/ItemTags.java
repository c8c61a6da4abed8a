package io.igw.engine.graph;

import io.igw.engine.tags.CataloguePhrases;
import io.igw.engine.tags.TagExtractor;
import io.igw.engine.tags.TitleTokenizer;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.catalog.ReviewTexts;
import io.igw.storage.graph.GraphStore;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every catalogue item's tags (from its title and its reviews, by TF-IDF over the whole catalogue), as tag indexes
 * and weights, with the tag names they point to. Tags depend on the catalogue alone, not on the events, so they
 * are computed once per catalogue version and kept in a column folder that later builds and updates reuse.
 */
public final class ItemTags {
    /** The catalogue cache the tags are kept in: renamed when the way tags are made changes, so old ones are not reused. */
    public static final String CACHE = "tags-phrases";
    private static final int TAGS_PER_ITEM = 6;
    private static final int MIN_ITEMS = 2;
    private static final double MAX_SHARE = 0.2;
    private static final int[] NONE = new int[0];
    private static final float[] NO_WEIGHTS = new float[0];

    private final String[] names;
    private final long[] itemIds;   // ascending
    private final int[] start;      // itemIds.length + 1 offsets into tag and weight
    private final int[] tag;
    private final float[] weight;

    private ItemTags(String[] names, long[] itemIds, int[] start, int[] tag, float[] weight) {
        this.names = names;
        this.itemIds = itemIds;
        this.start = start;
        this.tag = tag;
        this.weight = weight;
    }

    /** The tags of this catalogue version, from the cache folder if it holds them, else extracted and cached. */
    public static ItemTags cached(Path folder, Supplier<CatalogLookup> catalog, Supplier<Map<Long, String>> reviews) {
        java.util.Optional<ItemTags> kept = ColumnFolder.readCache(folder, f -> new ItemTags(f.strings("names"), f.longs("item_ids"),
                f.ints("start"), f.ints("tag"), f.floats("weight")));
        if (kept.isPresent()) {
            return kept.get();
        }
        ItemTags tags = extract(catalog.get(), reviews.get());
        try (ColumnFolderWriter w = new ColumnFolderWriter(folder)) {
            w.strings("names", tags.names);
            w.longs("item_ids", tags.itemIds, tags.itemIds.length);
            w.ints("start", tags.start, tags.start.length);
            w.ints("tag", tags.tag, tags.tag.length);
            w.floats("weight", tags.weight, tags.weight.length);
            w.commit();
        }
        return tags;
    }

    /**
     * The tags of the workspace's catalogue version {@code version}, from its catalogue cache (titles from
     * {@code catalog} and the workspace's reviews when they must be extracted).
     */
    public static ItemTags of(Workspace workspace, String version, Supplier<CatalogLookup> catalog) {
        return cached(new GraphStore(workspace).catalogueCache(CACHE, version), catalog,
                () -> new ReviewTexts(workspace).byItem());
    }

    /**
     * decision: review texts only reinforce words that some product title uses. Reviews are few and full of
     * sentiment ("broke after a week"), which says how a user felt, not what they are interested in.
     */
    static ItemTags extract(CatalogLookup catalog, Map<Long, String> reviews) {
        return extract(catalog, reviews, true);
    }

    /**
     * The tags as {@link #cached} makes them, or ({@code phrases} false) as earlier releases did, with Chinese words
     * as jieba splits them: for comparing the two.
     */
    public static ItemTags extract(CatalogLookup catalog, Map<Long, String> reviews, boolean phrases) {
        long[] ids = catalog.items().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        String[] titles = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            String title = catalog.item(ids[i]).title();
            titles[i] = title == null ? "" : title;
        }
        TitleTokenizer tokenizer = new TitleTokenizer(phrases ? CataloguePhrases.learn(Arrays.asList(titles), MIN_ITEMS)
                : CataloguePhrases.none());
        Set<String> productWords = new HashSet<>();
        for (String title : titles) {
            productWords.addAll(tokenizer.tokens(title));
        }
        Map<Long, String> documents = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String review = reviews.get(ids[i]);
            StringBuilder doc = new StringBuilder(titles[i]);
            if (review != null) {
                for (String word : tokenizer.tokens(review)) {
                    if (productWords.contains(word)) {
                        doc.append(' ').append(word);
                    }
                }
            }
            documents.put((long) i, doc.toString());
        }
        Map<Long, List<TagExtractor.Tag>> extracted = new TagExtractor(TAGS_PER_ITEM, MIN_ITEMS, MAX_SHARE, phrases).extract(documents);
        Map<String, Integer> index = new HashMap<>();
        int[] start = new int[ids.length + 1];
        int total = extracted.values().stream().mapToInt(List::size).sum();
        int[] tag = new int[total];
        float[] weight = new float[total];
        int at = 0;
        for (int i = 0; i < ids.length; i++) {
            start[i] = at;
            for (TagExtractor.Tag t : extracted.getOrDefault((long) i, List.of())) {
                tag[at] = index.computeIfAbsent(t.term(), k -> index.size());
                weight[at++] = (float) t.weight();
            }
        }
        start[ids.length] = at;
        String[] names = new String[index.size()];
        index.forEach((name, n) -> names[n] = name);
        return new ItemTags(names, ids, start, tag, weight);
    }

    /** Items in the table. */
    public int size() {
        return itemIds.length;
    }

    public long itemAt(int position) {
        return itemIds[position];
    }

    public String[] names() {
        return names;
    }

    /** The item's position in this table, or -1 when the catalogue does not know it. */
    int find(long itemId) {
        int k = Arrays.binarySearch(itemIds, itemId);
        return k < 0 ? -1 : k;
    }

    /** Where the item's tags start in {@link #tags()} and {@link #weights()}; they end where the next item's start. */
    int start(int position) {
        return position < 0 ? 0 : start[position];
    }

    int end(int position) {
        return position < 0 ? 0 : start[position + 1];
    }

    int[] tags() {
        return tag;
    }

    float[] weights() {
        return weight;
    }

    /** The names of the item's tags, strongest first (none when the catalogue does not know it). */
    public List<String> namesOf(long itemId) {
        int at = find(itemId);
        List<String> out = new java.util.ArrayList<>();
        for (int t : tagsAt(at)) {
            out.add(names[t]);
        }
        return out;
    }

    public int[] tagsAt(int position) {
        return position < 0 ? NONE : Arrays.copyOfRange(tag, start[position], start[position + 1]);
    }

    public float[] weightsAt(int position) {
        return position < 0 ? NO_WEIGHTS : Arrays.copyOfRange(weight, start[position], start[position + 1]);
    }
}
