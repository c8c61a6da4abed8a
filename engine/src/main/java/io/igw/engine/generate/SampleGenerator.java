package io.igw.engine.generate;

import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a realistic e-commerce behaviour dataset with its planted truth: a two-level category tree, branded items
 * (English and Chinese titles), users with 1–4 latent interests, sessions that follow a view → fav/cart → buy funnel
 * over the period, a share of users who churn part-way, items planted as bought together, planted follow-ups (after a
 * purchase in one leaf, one in another within days: {@link FollowUps}), and reviews. It streams
 * user by user, so tens of millions of events take no more memory than a thousand. Same options, same seed: same
 * files, byte for byte.
 */
public final class SampleGenerator implements Job<GenerationSummary> {
    private static final String[] REVIEW_EN = {"", "Broke after a week, very disappointed.", "Not as described, would not buy again.",
        "It is okay for the price.", "Good quality, arrived quickly.", "Excellent, exactly what I wanted!"};
    private static final String[] REVIEW_ZH = {"", "用了一周就坏了，很失望。", "和描述不符，不会再买。", "这个价格还可以。",
        "质量不错，物流很快。", "非常好，正是我想要的！"};

    private final Path folder;
    private final GeneratorOptions options;

    public SampleGenerator(Path folder, GeneratorOptions options) {
        this.folder = folder;
        this.options = options;
    }

    @Override
    public GenerationSummary run(JobContext context) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(folder);
        SplittableRandom root = new SplittableRandom(options.seed());
        Vocabulary vocabulary = Vocabulary.load();
        int itemsPerLeaf = options.itemsPerLeaf(vocabulary.leaves.size());
        // the appeal draws from its own stream, so that the catalogue's and the bundles' draws stay as they were
        TitleAppeal appeal = new TitleAppeal(vocabulary, new SplittableRandom(options.seed() ^ 0x7A11E5L));
        Catalogue catalogue = new Catalogue(vocabulary, appeal, itemsPerLeaf, root.split());
        Map<Long, Catalogue.Item> bundles = plantBundles(vocabulary, catalogue, root.split());
        writeCategories(vocabulary);
        writeItems(catalogue);
        writeBundles(bundles);
        writeTitleEffects(appeal);
        FollowUps followUps = new FollowUps(vocabulary);
        writeFollowUps(followUps);
        Map<Long, Integer> leafIndex = new HashMap<>();
        for (int l = 0; l < vocabulary.leaves.size(); l++) {
            leafIndex.put(vocabulary.leaves.get(l).id(), l);
        }
        long start = options.start().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long events = 0;
        long reviews = 0;
        long churned = 0;
        long users = 0;
        try (Writer ev = writer("events.csv"); Writer us = writer("users.csv"); Writer rv = writer("reviews.csv");
             Writer truth = writer("truth.csv")) {
            us.write("user_id,age,gender,city\n");
            rv.write("user_id,item_id,rating,text,timestamp\n");
            truth.write("user_id,interests,churned\n");
            List<long[]> userEvents = new ArrayList<>();
            StringBuilder line = new StringBuilder(64);
            for (long u = 1; u <= options.users() && events < options.maxEvents(); u++) {
                if (u % 1000 == 0) {
                    context.checkCancelled();
                    context.progress((double) u / options.users(), String.format(Locale.ROOT, "%,d users, %,d events", u, events));
                }
                SplittableRandom r = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + u * 0xBF58476D1CE4E5B9L);
                Shopper shopper = new Shopper(u, vocabulary.leaves.size(), options.days(), r);
                users++;
                churned += shopper.churned ? 1 : 0;
                us.write(u + "," + shopper.age + "," + shopper.gender + "," + shopper.city + "\n");
                StringBuilder interests = new StringBuilder();
                for (int leaf : shopper.interests) {
                    interests.append(interests.length() == 0 ? "" : ";").append(vocabulary.leaves.get(leaf).id());
                }
                truth.write(u + "," + interests + "," + (shopper.churned ? 1 : 0) + "\n");
                userEvents.clear();
                simulate(shopper, catalogue, bundles, start, r, userEvents);
                // follow-ups draw from their own stream, so that the rest of a user's events stay as they were
                SplittableRandom next = new SplittableRandom((options.seed() * 0x9E3779B97F4A7C15L + u * 0xBF58476D1CE4E5B9L) ^ 0x5DEECE66DL);
                long end = start + (long) shopper.activeDays * 86_400L;
                for (int e = 0, n = userEvents.size(); e < n; e++) {
                    long[] action = userEvents.get(e);
                    if (action[1] == BUY) {
                        followUps.after(catalogue.all.get((int) action[0] - 1), action[2], end, catalogue, leafIndex, next,
                                userEvents, VIEW, CART, BUY);
                    }
                }
                userEvents.sort((a, b) -> Long.compare(a[2], b[2]));
                for (long[] e : userEvents) {
                    if (events >= options.maxEvents()) {
                        break;
                    }
                    Catalogue.Item item = catalogue.all.get((int) e[0] - 1);
                    line.setLength(0);
                    line.append(u).append(',').append(item.id()).append(',').append(item.leaf().id()).append(',')
                            .append(BEHAVIOURS[(int) e[1]]).append(',').append(e[2]).append('\n');
                    ev.append(line);
                    events++;
                    if (e[1] == BUY && r.nextDouble() < 0.3) {
                        reviews += review(rv, u, item, e[2], r);
                    }
                }
            }
        }
        context.progress(1, String.format(Locale.ROOT, "%,d users, %,d events", users, events));
        return new GenerationSummary(folder, users, catalogue.all.size(), vocabulary.tops.size() + vocabulary.leaves.size(),
                events, reviews, bundles.size(), churned, (System.nanoTime() - t0) / 1e9);
    }

    private static final String[] BEHAVIOURS = {"pv", "fav", "cart", "buy"};
    private static final int VIEW = 0;
    private static final int FAV = 1;
    private static final int CART = 2;
    private static final int BUY = 3;

    /** Sessions of views; some viewed items are favourited or carted, and some carted ones bought. */
    private void simulate(Shopper shopper, Catalogue catalogue, Map<Long, Catalogue.Item> bundles, long start,
                          SplittableRandom r, List<long[]> out) {
        int leaves = catalogue.itemsByLeaf.size();
        for (int s = 0; s < shopper.sessions; s++) {
            long day = r.nextInt(shopper.activeDays);
            // evenings are busiest: hour drawn from a bump around 20:00
            double hour = Math.floorMod(Math.round(20 + 4 * r.nextGaussian()), 24) + r.nextDouble();
            long t = start + day * 86_400L + (long) (hour * 3600);
            int leaf = shopper.sessionLeaf(leaves, r);
            int views = 1 + (int) Math.floor(-Math.log(1 - r.nextDouble()) * 6);
            for (int v = 0; v < views; v++) {
                Catalogue.Item item = catalogue.popularItem(leaf, r);
                t += 10 + r.nextInt(110);
                out.add(new long[]{item.id(), VIEW, t});
                if (r.nextDouble() < 0.04) {
                    out.add(new long[]{item.id(), FAV, t + 5});
                }
                if (r.nextDouble() < item.cartRate()) {
                    out.add(new long[]{item.id(), CART, t + 8});
                    if (r.nextDouble() < 0.5) {
                        t += 60 + r.nextInt(300);
                        out.add(new long[]{item.id(), BUY, t});
                        Catalogue.Item partner = bundles.get(item.id());
                        if (partner != null && r.nextDouble() < 0.75) {
                            out.add(new long[]{partner.id(), VIEW, t + 20});
                            out.add(new long[]{partner.id(), CART, t + 40});
                            out.add(new long[]{partner.id(), BUY, t + 60});
                        }
                    }
                }
            }
        }
    }

    /** Pairs of popular items from sibling categories that buyers of the first also buy. */
    private static Map<Long, Catalogue.Item> plantBundles(Vocabulary vocabulary, Catalogue catalogue, SplittableRandom r) {
        Map<Long, Catalogue.Item> bundles = new HashMap<>();
        int leaves = vocabulary.leaves.size();
        int wanted = Math.max(10, leaves / 2);
        int guard = 0;
        while (bundles.size() < wanted && guard++ < 10_000) {
            int leafA = r.nextInt(leaves);
            int sibling = (leafA / 6) * 6 + r.nextInt(6);
            if (sibling == leafA) {
                continue;
            }
            Catalogue.Item a = catalogue.mostViewed(leafA).get(r.nextInt(5));
            Catalogue.Item b = catalogue.itemsByLeaf.get(sibling).get(r.nextInt(10));
            // an anchor whose title puts viewers off is bought too seldom to carry a bundle that rules can find
            boolean skip = a.cartRate() < TitleTruth.BASE_CART
                    || bundles.containsKey(a.id()) || bundles.containsKey(b.id())
                    || bundles.values().stream().anyMatch(x -> x.id() == a.id() || x.id() == b.id());
            if (!skip) {
                bundles.put(a.id(), b);
            }
        }
        return bundles;
    }

    private int review(Writer rv, long user, Catalogue.Item item, long boughtAt, SplittableRandom r) throws IOException {
        double u = r.nextDouble();
        int rating = u < 0.06 ? 1 : u < 0.13 ? 2 : u < 0.25 ? 3 : u < 0.55 ? 4 : 5;
        boolean chinese = item.title().codePoints().anyMatch(c -> c > 0x2E80);
        String text = (chinese ? REVIEW_ZH : REVIEW_EN)[rating];
        long when = boughtAt + 86_400L * (1 + r.nextInt(5));
        rv.write(user + "," + item.id() + "," + rating + "," + csv(text) + "," + when + "\n");
        return 1;
    }

    private void writeCategories(Vocabulary vocabulary) throws IOException {
        try (Writer w = writer("categories.csv")) {
            w.write("category_id,parent_id,name,name_zh\n");
            for (Vocabulary.Top t : vocabulary.tops) {
                w.write(t.id() + ",," + csv(t.name()) + "," + csv(t.nameZh()) + "\n");
            }
            for (Vocabulary.Leaf l : vocabulary.leaves) {
                w.write(l.id() + "," + l.top().id() + "," + csv(l.name()) + "," + csv(l.nameZh()) + "\n");
            }
        }
    }

    private void writeItems(Catalogue catalogue) throws IOException {
        try (Writer w = writer("items.csv")) {
            w.write("item_id,title,category_id,brand,price,attributes\n");
            for (Catalogue.Item i : catalogue.all) {
                w.write(i.id() + "," + csv(i.title()) + "," + i.leaf().id() + "," + csv(i.brand()) + ","
                        + String.format(Locale.ROOT, "%.2f", i.price()) + "," + csv(String.join(";", i.attributes())) + "\n");
            }
        }
    }

    private void writeBundles(Map<Long, Catalogue.Item> bundles) throws IOException {
        try (Writer w = writer("bundles.csv")) {
            w.write("item_a,item_b\n");
            for (Map.Entry<Long, Catalogue.Item> b : new java.util.TreeMap<>(bundles).entrySet()) {
                w.write(b.getKey() + "," + b.getValue().id() + "\n");
            }
        }
    }

    /** The planted truth about title words, for evaluation: {@code leaf_id,word,effect}, both languages' forms. */
    private void writeTitleEffects(TitleAppeal appeal) throws IOException {
        try (Writer w = writer("title_effects.csv")) {
            w.write("leaf_id,word,effect\n");
            for (Map.Entry<Long, Map<String, Double>> leaf : appeal.all().entrySet()) {
                for (Map.Entry<String, Double> e : leaf.getValue().entrySet()) {
                    w.write(leaf.getKey() + "," + e.getKey() + "," + e.getValue() + "\n");
                }
            }
        }
    }

    private void writeFollowUps(FollowUps followUps) throws IOException {
        try (Writer w = writer("followups.csv")) {
            w.write("leaf_a,leaf_b,days,probability\n");
            for (FollowUps.FollowUp f : followUps.all()) {
                w.write(f.a().id() + "," + f.b().id() + "," + f.days() + "," + f.probability() + "\n");
            }
        }
    }

    private Writer writer(String name) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(folder.resolve(name)), StandardCharsets.UTF_8), 1 << 20);
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
