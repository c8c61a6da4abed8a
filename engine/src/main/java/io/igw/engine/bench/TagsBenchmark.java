package io.igw.engine.bench;

import io.igw.engine.graph.ItemTags;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.catalog.ReviewTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole phrases as tags: the catalogue's tags made as this release makes them (Chinese phrases learned from the
 * catalogue and kept whole) and as earlier releases did (jieba's words), in the same run: how many distinct Chinese
 * tags are a single character, and what share of the items' Chinese tags are, before and after; and five items'
 * tags both ways (those given, else five items with Chinese titles spread evenly through the catalogue).
 */
public final class TagsBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final List<Long> items;

    /** @param items the items whose tags to show, or empty for five spread through the catalogue */
    public TagsBenchmark(Workspace workspace, List<Long> items) {
        this.workspace = workspace;
        this.items = List.copyOf(items);
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        context.progress(0, "reading the catalogue");
        CatalogLookup catalog = CatalogLookup.load(workspace);
        Map<Long, String> reviews = new ReviewTexts(workspace).byItem();
        context.progress(0.1, "tags as before: jieba's words");
        long t0 = System.nanoTime();
        ItemTags before = ItemTags.extract(catalog, reviews, false);
        double beforeSeconds = (System.nanoTime() - t0) / 1e9;
        context.checkCancelled();
        context.progress(0.5, "tags with the catalogue's phrases");
        t0 = System.nanoTime();
        ItemTags after = ItemTags.extract(catalog, reviews, true);
        double afterSeconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", catalog.items().size());
        put(out, "before", before, beforeSeconds);
        put(out, "after", after, afterSeconds);
        List<Object> shown = new ArrayList<>();
        for (long id : items.isEmpty() ? spread(catalog, 5) : items) {
            CatalogLookup.Item item = catalog.item(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item_id", id);
            row.put("title", item == null ? null : item.title());
            row.put("before", before.namesOf(id));
            row.put("after", after.namesOf(id));
            shown.add(row);
        }
        out.put("examples", shown);
        context.progress(1, "done");
        return out;
    }

    private static void put(Map<String, Object> out, String when, ItemTags tags, double seconds) {
        String[] names = tags.names();
        int chinese = 0;
        int single = 0;
        for (String n : names) {
            if (isChinese(n)) {
                chinese++;
                single += n.codePointCount(0, n.length()) == 1 ? 1 : 0;
            }
        }
        long assigned = 0;
        long assignedSingle = 0;
        for (int p = 0; p < tags.size(); p++) {
            for (int t : tags.tagsAt(p)) {
                if (isChinese(names[t])) {
                    assigned++;
                    assignedSingle += names[t].codePointCount(0, names[t].length()) == 1 ? 1 : 0;
                }
            }
        }
        out.put(when + "_chinese_tags", chinese);
        out.put(when + "_single_character_share", chinese == 0 ? 0 : (double) single / chinese);
        out.put(when + "_single_character_share_of_item_tags", assigned == 0 ? 0 : (double) assignedSingle / assigned);
        out.put(when + "_seconds", seconds);
    }

    private static boolean isChinese(String tag) {
        return !tag.isEmpty() && tag.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** {@code n} items with a Chinese character in their titles, evenly spaced through them by id. */
    private static List<Long> spread(CatalogLookup catalog, int n) {
        List<Long> chinese = catalog.items().values().stream()
                .filter(i -> i.title() != null && i.title().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                .map(CatalogLookup.Item::id).sorted().toList();
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < n && !chinese.isEmpty(); k++) {
            long id = chinese.get((int) ((long) k * chinese.size() / n));
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
