package io.igw.engine.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Planted order: after buying in leaf A, a shopper goes on to buy in leaf B within a few days with a planted
 * probability (a tent, then hiking boots; a phone, then a charger). A bag-of-items model sees only that A and B go
 * together; an order-aware one can see which comes next.
 */
final class FollowUps {
    /** A planted follow-up: after a purchase in {@code a}, one in {@code b} within {@code days}, with {@code probability}. */
    record FollowUp(Vocabulary.Leaf a, Vocabulary.Leaf b, int days, double probability) {
    }

    /** Leaf names, as the vocabulary spells them: what a buyer of the first goes on to buy. */
    private static final Object[][] PLANTED = {
        {"Camping", "Hiking", 7, 0.5},
        {"Smartphones", "Chargers", 3, 0.6},
        {"Laptops", "Headphones", 10, 0.4},
        {"Coffee Makers", "Coffee Beans", 5, 0.6},
        {"Strollers", "Toys", 14, 0.4},
        {"Diapers", "Baby Food", 7, 0.5},
        {"Cookware", "Cookbooks", 14, 0.3},
        {"Dresses", "Handbags", 7, 0.4},
        {"Skincare", "Makeup", 10, 0.4},
        {"Cycling", "Fitness", 14, 0.3},
    };

    private final Map<Long, FollowUp> byLeaf = new HashMap<>();
    private final List<FollowUp> all;

    FollowUps(Vocabulary vocabulary) {
        Map<String, Vocabulary.Leaf> named = new HashMap<>();
        vocabulary.leaves.forEach(l -> named.put(l.name(), l));
        all = java.util.Arrays.stream(PLANTED)
                .filter(p -> named.containsKey((String) p[0]) && named.containsKey((String) p[1]))
                .map(p -> new FollowUp(named.get((String) p[0]), named.get((String) p[1]), (Integer) p[2], (Double) p[3]))
                .toList();
        all.forEach(f -> byLeaf.put(f.a().id(), f));
    }

    List<FollowUp> all() {
        return all;
    }

    /**
     * The events of the follow-up to a purchase of {@code bought} at {@code time}, if one happens: a few views in
     * leaf B, then a cart and a purchase, some time within the planted days; none past {@code end}.
     *
     * @param leafIndex the index of a leaf in the vocabulary's list, by leaf id
     */
    void after(Catalogue.Item bought, long time, long end, Catalogue catalogue, Map<Long, Integer> leafIndex,
               SplittableRandom r, List<long[]> out, int view, int cart, int buy) {
        FollowUp f = byLeaf.get(bought.leaf().id());
        if (f == null || r.nextDouble() >= f.probability()) {
            return;
        }
        long t = time + 3600 + (long) (r.nextDouble() * (f.days() * 86_400L - 3600));
        if (t > end) {
            return;
        }
        int leaf = leafIndex.get(f.b().id());
        int views = 1 + r.nextInt(3);
        Catalogue.Item item = null;
        for (int v = 0; v < views; v++) {
            item = catalogue.popularItem(leaf, r);
            t += 10 + r.nextInt(110);
            out.add(new long[]{item.id(), view, t});
        }
        out.add(new long[]{item.id(), cart, t + 8});
        out.add(new long[]{item.id(), buy, t + 60 + r.nextInt(300)});
    }
}
