package io.igw.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated items: each leaf category has its own items, titled from the category's words and a brand (some
 * titles in Chinese), priced within the category's range, and ranked so that a few are far more popular.
 */
final class Catalogue {
    /**
     * A generated item. Its title shows some of its attributes (adjectives and claims, in its title's language);
     * {@code cartRate} is a view's chance of a cart under the planted appeal of the words shown.
     */
    record Item(long id, Vocabulary.Leaf leaf, String title, String brand, double price, List<String> attributes,
                double cartRate) {
    }

    /** Each claim's chance of being true of an item (official store, bestseller, upgraded, ...). */
    private static final double[] CLAIM_CHANCE = {0.3, 0.2, 0.2, 0.15, 0.1, 0.08, 0.15};

    final List<List<Item>> itemsByLeaf = new ArrayList<>();
    final List<Item> all = new ArrayList<>();
    private final double[][] popularity;

    Catalogue(Vocabulary vocabulary, TitleAppeal appeal, int itemsPerLeaf, SplittableRandom random) {
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
                List<String> adjectives = chinese ? leaf.top().adjectivesZh() : leaf.top().adjectives();
                List<String> claims = chinese ? TitleAppeal.CLAIMS_ZH : TitleAppeal.CLAIMS;
                List<String> attributes = new ArrayList<>();
                List<String> shownClaims = new ArrayList<>();
                List<String> shownAdjectives = new ArrayList<>();
                int first = random.nextInt(adjectives.size());
                int second = (first + 1 + random.nextInt(adjectives.size() - 1)) % adjectives.size();
                attributes.add(adjectives.get(first));
                attributes.add(adjectives.get(second));
                shownAdjectives.add(adjectives.get(first));
                if (random.nextDouble() < 0.35) {
                    shownAdjectives.add(adjectives.get(second));
                }
                for (int c = 0; c < claims.size(); c++) {
                    if (random.nextDouble() < CLAIM_CHANCE[c]) {
                        attributes.add(claims.get(c));
                        if (random.nextDouble() < 0.5 && shownClaims.size() < 2) {
                            shownClaims.add(claims.get(c));
                        }
                    }
                }
                String title = title(chinese, brand, shownClaims, shownAdjectives,
                        chinese ? leaf.nounsZh().get(noun) : leaf.nouns().get(noun));
                List<String> shown = new ArrayList<>(shownClaims);
                shown.addAll(shownAdjectives);
                double itemAppeal = appeal.of(leaf.id(), shown);
                double price = leaf.priceLow() * Math.pow(leaf.priceHigh() / leaf.priceLow(), random.nextDouble());
                Item item = new Item(nextId++, leaf, title, brand, Math.round(price * 100) / 100.0,
                        List.copyOf(attributes), TitleTruth.cartRate(itemAppeal));
                items.add(item);
                all.add(item);
                // decision: Zipf-like popularity within a category, and appealing titles are viewed more
                sum += Math.exp(0.5 * itemAppeal) / Math.pow(i + 1, 0.9);
                cumulative[i] = sum;
            }
            for (int i = 0; i < itemsPerLeaf; i++) {
                cumulative[i] /= sum;
            }
            popularity[l] = cumulative;
            itemsByLeaf.add(items);
        }
    }

    /** "Salomon official waterproof hiking boots"; Chinese titles join the adjectives to the noun: "Salomon 官方 防水登山鞋". */
    private static String title(boolean chinese, String brand, List<String> claims, List<String> adjectives, String noun) {
        StringBuilder t = new StringBuilder(brand);
        for (String c : claims) {
            t.append(' ').append(c);
        }
        if (chinese) {
            t.append(' ').append(String.join("", adjectives)).append(noun);
        } else {
            adjectives.forEach(a -> t.append(' ').append(a));
            t.append(' ').append(noun);
        }
        return t.toString();
    }

    /** The leaf's items, most often viewed first (Zipf rank and title appeal together). */
    List<Item> mostViewed(int leafIndex) {
        double[] cumulative = popularity[leafIndex];
        List<Item> items = itemsByLeaf.get(leafIndex);
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(share(cumulative, b), share(cumulative, a)));
        List<Item> sorted = new ArrayList<>(order.length);
        for (int i : order) {
            sorted.add(items.get(i));
        }
        return sorted;
    }

    private static double share(double[] cumulative, int i) {
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
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
