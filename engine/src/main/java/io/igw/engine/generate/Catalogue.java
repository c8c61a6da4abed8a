package io.igw.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated items: each leaf category has its own items, titled from the category's words and a brand (some
 * titles in Chinese), priced within the category's range, and ranked so that a few are far more popular.
 */
final class Catalogue {
    record Item(long id, Vocabulary.Leaf leaf, String title, String brand, double price) {
    }

    final List<List<Item>> itemsByLeaf = new ArrayList<>();
    final List<Item> all = new ArrayList<>();
    private final double[][] popularity;

    Catalogue(Vocabulary vocabulary, int itemsPerLeaf, SplittableRandom random) {
        long nextId = 1;
        popularity = new double[vocabulary.leaves.size()][];
        for (int l = 0; l < vocabulary.leaves.size(); l++) {
            Vocabulary.Leaf leaf = vocabulary.leaves.get(l);
            List<Item> items = new ArrayList<>();
            double[] cumulative = new double[itemsPerLeaf];
            double sum = 0;
            for (int i = 0; i < itemsPerLeaf; i++) {
                boolean chinese = random.nextDouble() < 0.3;
                String brand = pick(leaf.top().brands(), random);
                int noun = random.nextInt(leaf.nouns().size());
                int adjective = random.nextInt(leaf.top().adjectives().size());
                String title = chinese
                        ? brand + " " + leaf.top().adjectivesZh().get(adjective) + leaf.nounsZh().get(noun)
                        : brand + " " + leaf.top().adjectives().get(adjective) + " " + leaf.nouns().get(noun);
                double price = leaf.priceLow() * Math.pow(leaf.priceHigh() / leaf.priceLow(), random.nextDouble());
                Item item = new Item(nextId++, leaf, title, brand, Math.round(price * 100) / 100.0);
                items.add(item);
                all.add(item);
                sum += 1.0 / Math.pow(i + 1, 0.9); // decision: Zipf-like popularity within a category
                cumulative[i] = sum;
            }
            for (int i = 0; i < itemsPerLeaf; i++) {
                cumulative[i] /= sum;
            }
            popularity[l] = cumulative;
            itemsByLeaf.add(items);
        }
    }

    /** An item of the leaf, drawn by popularity. */
    Item popularItem(int leafIndex, SplittableRandom random) {
        double[] cumulative = popularity[leafIndex];
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return itemsByLeaf.get(leafIndex).get(lo);
    }

    static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
