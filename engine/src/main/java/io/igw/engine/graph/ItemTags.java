package io.igw.engine.graph;

import io.igw.engine.tags.TagExtractor;
import io.igw.engine.tags.TitleTokenizer;
import io.igw.storage.catalog.CatalogLookup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each item's tags (from its title and its reviews, by TF-IDF), as tag indexes and weights per item slot, with the
 * tag names they point to.
 */
final class ItemTags {
    private static final int TAGS_PER_ITEM = 6;
    private static final int MIN_ITEMS = 2;
    private static final double MAX_SHARE = 0.2;

    private final String[] names;
    private final int[][] tags;
    private final float[][] weights;

    private ItemTags(String[] names, int[][] tags, float[][] weights) {
        this.names = names;
        this.tags = tags;
        this.weights = weights;
    }

    /**
     * decision: review texts only reinforce words that some product title uses. Reviews are few and full of
     * sentiment ("broke after a week"), which says how a user felt, not what they are interested in.
     */
    static ItemTags extract(LongSlots items, CatalogLookup catalog, Map<Long, String> reviews) {
        TitleTokenizer tokenizer = new TitleTokenizer();
        String[] titles = new String[items.size()];
        Set<String> productWords = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogLookup.Item item = catalog.item(items.key(i));
            titles[i] = item == null || item.title() == null ? "" : item.title();
            productWords.addAll(tokenizer.tokens(titles[i]));
        }
        Map<Long, String> documents = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String review = reviews.get(items.key(i));
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
        Map<Long, List<TagExtractor.Tag>> extracted = new TagExtractor(TAGS_PER_ITEM, MIN_ITEMS, MAX_SHARE).extract(documents);
        Map<String, Integer> index = new HashMap<>();
        int[][] tags = new int[items.size()][];
        float[][] weights = new float[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            List<TagExtractor.Tag> list = extracted.getOrDefault((long) i, List.of());
            tags[i] = new int[list.size()];
            weights[i] = new float[list.size()];
            for (int k = 0; k < list.size(); k++) {
                tags[i][k] = index.computeIfAbsent(list.get(k).term(), t -> index.size());
                weights[i][k] = (float) list.get(k).weight();
            }
        }
        String[] names = new String[index.size()];
        index.forEach((name, at) -> names[at] = name);
        return new ItemTags(names, tags, weights);
    }

    String[] names() {
        return names;
    }

    int[] tagsOf(int itemSlot) {
        return tags[itemSlot];
    }

    float[] weightsOf(int itemSlot) {
        return weights[itemSlot];
    }
}
