package io.igw.engine.graph;

import io.igw.storage.bulk.RowSource;
import io.igw.storage.catalog.CatalogLookup;
import io.igw.storage.events.EventRow;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The user → category, brand and item interests rolled up from (user, item) pairs, normalised to shares per user
 * and kind, pruned, with up to three evidence pairs each; then streamed out as edge and evidence rows. All figures
 * sit in primitive arrays indexed by slot; a kept edge is a (kind, slot) pair.
 */
final class Interests {
    private static final int EVIDENCE = 3;

    final LongSlots categories = new LongSlots(256);
    final LongSlots brands = new LongSlots(256);
    private final String[] brandNames;
    private final String[] tagNames;
    private final Rollup byTag;
    private final InterestGraphBuilder.Pairs pairs;
    private final Rollup byCategory;
    private final Rollup byBrand;
    private final double[] itemTotal;
    private byte[] keptKind = new byte[1 << 12];
    private int[] keptRef = new int[1 << 12];
    private int kept;

    /**
     * @param itemTags for each item slot, its tags as (tag index, weight) pairs flattened; tag indexes point into
     *                 {@code tagNames}
     */
    Interests(InterestGraphBuilder.Pairs pairs, CatalogLookup catalog, GraphParameters params, ItemTags itemTags) {
        this.pairs = pairs;
        int users = pairs.users.size();
        int n = pairs.pairs.size();
        Map<String, Integer> brandIndex = new HashMap<>();
        int[] itemBrand = new int[pairs.items.size()];
        int[][] itemCategories = new int[pairs.items.size()][];
        for (int i = 0; i < itemBrand.length; i++) {
            CatalogLookup.Item item = catalog.item(pairs.items.key(i));
            itemCategories[i] = categorySlots(pairs.itemCategory[i], item, catalog.categoriesOf(pairs.items.key(i)));
            String brand = item == null ? null : item.brand();
            itemBrand[i] = brand == null || brand.isBlank() ? -1 : brandIndex.computeIfAbsent(brand, b -> brandIndex.size());
        }
        brandNames = new String[brandIndex.size()];
        brandIndex.forEach((name, index) -> {
            brandNames[index] = name;
            brands.slot(index);
        });
        byCategory = new Rollup(users);
        byBrand = new Rollup(users);
        byTag = new Rollup(users);
        tagNames = itemTags.names();
        itemTotal = new double[users];
        for (int p = 0; p < n; p++) {
            int u = pairs.userOf(p);
            int i = pairs.itemOf(p);
            itemTotal[u] += pairs.weight[p];
            // decision: an item in several categories (a film's genres) spreads its weight evenly over them
            for (int c : itemCategories[i]) {
                byCategory.add(u, c, p, 1f / itemCategories[i].length);
            }
            if (itemBrand[i] >= 0) {
                byBrand.add(u, itemBrand[i], p);
            }
            int[] tags = itemTags.tagsOf(i);
            float[] tagWeights = itemTags.weightsOf(i);
            for (int k = 0; k < tags.length; k++) {
                byTag.add(u, tags[k], p, tagWeights[k]);
            }
        }
        keep(InterestGraphBuilder.CATEGORY, byCategory, params.minShare());
        keep(InterestGraphBuilder.BRAND, byBrand, params.minShare());
        keep(InterestGraphBuilder.TAG, byTag, params.minShare());
        keepTopItems(params.itemsPerUser(), params.minShare());
    }

    /** The category slots an item counts towards: its event's category, else all its catalogue categories. */
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

    /** Sums of pair weights per (user, target), with the strongest pairs behind each. */
    private final class Rollup {
        final LongSlots keys = new LongSlots(1 << 12);
        final double[] userTotal;
        double[] weight = new double[1 << 12];
        long[] last = new long[1 << 12];
        int[] evidence = new int[(1 << 12) * EVIDENCE];

        Rollup(int users) {
            userTotal = new double[users];
            Arrays.fill(evidence, -1);
        }

        void add(int user, int target, int pair) {
            add(user, target, pair, 1f);
        }

        /** Adds the pair's weight times {@code factor} (a tag's weight in the item). */
        void add(int user, int target, int pair, float factor) {
            int a = keys.slot(((long) user << 32) | target);
            if (a >= weight.length) {
                int size = weight.length * 2;
                weight = Arrays.copyOf(weight, size);
                last = Arrays.copyOf(last, size);
                int old = evidence.length;
                evidence = Arrays.copyOf(evidence, size * EVIDENCE);
                Arrays.fill(evidence, old, evidence.length, -1);
            }
            weight[a] += pairs.weight[pair] * factor;
            last[a] = Math.max(last[a], pairs.last[pair]);
            userTotal[user] += pairs.weight[pair] * factor;
            offerEvidence(a, pair);
        }

        private void offerEvidence(int a, int pair) {
            int base = a * EVIDENCE;
            float w = pairs.bestWeight[pair];
            for (int k = 0; k < EVIDENCE; k++) {
                int current = evidence[base + k];
                if (current < 0 || w > pairs.bestWeight[current]) {
                    System.arraycopy(evidence, base + k, evidence, base + k + 1, EVIDENCE - k - 1);
                    evidence[base + k] = pair;
                    return;
                }
            }
        }

        int user(int a) {
            return (int) (keys.key(a) >>> 32);
        }

        int target(int a) {
            return (int) keys.key(a);
        }

        double share(int a) {
            return weight[a] / userTotal[user(a)];
        }
    }

    private void keep(byte kind, Rollup rollup, double minShare) {
        for (int a = 0; a < rollup.keys.size(); a++) {
            if (rollup.share(a) >= minShare) {
                add(kind, a);
            }
        }
    }

    /**
     * Each user's strongest items: pairs bucketed by user (a counting sort), then each bucket sorted by weight with
     * weight and slot packed into one long (weights are positive, so their float bits order like the weights).
     */
    private void keepTopItems(int perUser, double minShare) {
        int n = pairs.pairs.size();
        int users = pairs.users.size();
        int[] start = new int[users + 1];
        for (int p = 0; p < n; p++) {
            start[pairs.userOf(p) + 1]++;
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        long[] packed = new long[n];
        int[] fill = Arrays.copyOf(start, users);
        for (int p = 0; p < n; p++) {
            packed[fill[pairs.userOf(p)]++] = ((long) Float.floatToIntBits(pairs.weight[p]) << 32) | p;
        }
        for (int u = 0; u < users; u++) {
            Arrays.sort(packed, start[u], start[u + 1]);
            int taken = 0;
            for (int k = start[u + 1] - 1; k >= start[u] && taken < perUser; k--) {
                int p = (int) packed[k];
                if (pairs.weight[p] / itemTotal[u] >= minShare) {
                    add(InterestGraphBuilder.ITEM, p);
                    taken++;
                }
            }
        }
    }

    private void add(byte kind, int ref) {
        if (kept == keptKind.length) {
            keptKind = Arrays.copyOf(keptKind, kept * 2);
            keptRef = Arrays.copyOf(keptRef, kept * 2);
        }
        keptKind[kept] = kind;
        keptRef[kept++] = ref;
    }

    /** Rows in {@code GraphStore.EDGE_COLUMNS} order: kind, user, target, label, score, weight, last time. */
    RowSource edgeRows(CatalogLookup catalog) {
        int[] next = {0};
        return () -> {
            if (next[0] == kept) {
                return null;
            }
            int e = next[0]++;
            int ref = keptRef[e];
            switch (keptKind[e]) {
                case InterestGraphBuilder.CATEGORY -> {
                    long category = categories.key(byCategory.target(ref));
                    CatalogLookup.Category c = catalog.category(category);
                    return row("category", byCategory.user(ref), Long.toString(category),
                            c == null ? "category " + category : c.label(), byCategory.share(ref), byCategory.weight[ref],
                            byCategory.last[ref]);
                }
                case InterestGraphBuilder.BRAND -> {
                    String brand = brandNames[byBrand.target(ref)];
                    return row("brand", byBrand.user(ref), brand, brand, byBrand.share(ref), byBrand.weight[ref],
                            byBrand.last[ref]);
                }
                case InterestGraphBuilder.TAG -> {
                    String tag = tagNames[byTag.target(ref)];
                    return row("tag", byTag.user(ref), tag, tag, byTag.share(ref), byTag.weight[ref], byTag.last[ref]);
                }
                default -> {
                    long item = pairs.items.key(pairs.itemOf(ref));
                    CatalogLookup.Item i = catalog.item(item);
                    String title = i == null || i.title() == null ? "item " + item : i.title();
                    int u = pairs.userOf(ref);
                    return row("item", u, Long.toString(item), title, pairs.weight[ref] / itemTotal[u], pairs.weight[ref],
                            pairs.last[ref]);
                }
            }
        };
    }

    private Object[] row(String kind, int user, String target, String label, double share, double weight, long last) {
        return new Object[]{kind, pairs.users.key(user), clip(target, 200), clip(label, 300), (float) share,
            (float) weight, last};
    }

    /** Rows in {@code GraphStore.EVIDENCE_COLUMNS} order: kind, user, target, item, behaviour, time, weight. */
    RowSource evidenceRows() {
        int[] cursor = {0, 0};
        return () -> {
            while (cursor[0] < kept) {
                int e = cursor[0];
                int ref = keptRef[e];
                byte kind = keptKind[e];
                int pair;
                String target;
                if (kind == InterestGraphBuilder.ITEM) {
                    pair = cursor[1] == 0 ? ref : -1;
                    target = Long.toString(pairs.items.key(pairs.itemOf(ref)));
                } else {
                    Rollup r = kind == InterestGraphBuilder.CATEGORY ? byCategory
                            : kind == InterestGraphBuilder.BRAND ? byBrand : byTag;
                    pair = cursor[1] < EVIDENCE ? r.evidence[ref * EVIDENCE + cursor[1]] : -1;
                    target = kind == InterestGraphBuilder.CATEGORY ? Long.toString(categories.key(r.target(ref)))
                            : kind == InterestGraphBuilder.BRAND ? brandNames[r.target(ref)] : tagNames[r.target(ref)];
                }
                if (pair < 0) {
                    cursor[0]++;
                    cursor[1] = 0;
                    continue;
                }
                cursor[1]++;
                return new Object[]{InterestGraphBuilder.KINDS[kind], pairs.users.key(pairs.userOf(pair)), clip(target, 200),
                    pairs.items.key(pairs.itemOf(pair)), pairs.bestBehaviour[pair], pairs.bestTime[pair],
                    pairs.bestWeight[pair]};
            }
            return null;
        };
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
