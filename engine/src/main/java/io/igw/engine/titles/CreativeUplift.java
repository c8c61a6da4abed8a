package io.igw.engine.titles;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.targeting.AudienceBuilder;
import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.TargetingData;
import io.igw.engine.targeting.Target;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * How much more an audience's top creative would truly convert, under a truth the models never see: for the
 * audiences of the most viewed leaf categories, the true expected conversion (in that leaf) of the words the top
 * creative for an item of that leaf shows, against as many of the category's generic words: the words its titles
 * most often show, and the same item's words that the shop-wide click model (not the audience's) rates best.
 */
public final class CreativeUplift {
    private static final int AUDIENCE_SIZE = 500;

    private final Workspace workspace;
    private final ToDoubleBiFunction<Long, String> trueConversion;
    private final int categories;
    private final int rounds;
    private final long seed;

    /** @param trueConversion (leaf category, text) to its true expected conversion */
    public CreativeUplift(Workspace workspace, ToDoubleBiFunction<Long, String> trueConversion, int categories, int rounds, long seed) {
        this.workspace = workspace;
        this.trueConversion = trueConversion;
        this.categories = categories;
        this.rounds = rounds;
        this.seed = seed;
    }

    public Map<String, Object> run(JobContext context) {
        long t0 = System.nanoTime();
        AudienceBuilder builder = new TargetingData(workspace).run(context.part(0, 0.05, null));
        ActivityLog log = builder.log();
        Listings listings = Listings.read(workspace);
        Listings counted = listings.counted(log, u -> true);
        ClickModel everyone = ClickModel.fit(counted, null);
        TitleGenerator.Settings settings = TitleGenerator.Settings.standard(seed).withRounds(rounds);
        TitleGenerator generator = TitleGenerator.trained(listings, everyone, settings, context.part(0, 0.85, ""));
        AdCreatives writer = AdCreatives.in(workspace, generator, everyone, seed);
        List<Object> rows = new ArrayList<>();
        double creative = 0;
        double common = 0;
        double rated = 0;
        int measured = 0;
        List<Long> leaves = mostViewedLeaves(counted);
        for (int k = 0; k < leaves.size() && measured < categories; k++) {
            long leaf = leaves.get(k);
            context.progress(0.85 + 0.15 * measured / categories, "creatives for the audience of category " + leaf);
            AudienceBuilder.Audience audience = builder.build(AudienceSpec.of(List.of(Target.parse("category:" + leaf, "category")))
                    .withSize(AUDIENCE_SIZE));
            Set<Long> members = new HashSet<>();
            audience.members().forEach(m -> members.add(m.userId()));
            AdCreatives.Result result = writer.write(log, members, 10);
            AdCreatives.Creative top = result.creatives().stream().filter(c -> counted.get(c.item()).category() == leaf)
                    .findFirst().orElse(null);
            if (top == null || top.words().isEmpty()) {
                continue;
            }
            int size = top.words().size();
            List<String> commonest = commonestWords(generator, counted, leaf, size);
            List<String> best = shopWideBest(everyone, generator, counted.get(top.item()), size);
            double c = trueConversion.applyAsDouble(leaf, String.join(" ", top.words()));
            double m = trueConversion.applyAsDouble(leaf, String.join(" ", commonest));
            double r = trueConversion.applyAsDouble(leaf, String.join(" ", best));
            creative += c;
            common += m;
            rated += r;
            measured++;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", leaf);
            row.put("audience", audience.size());
            row.put("click_model", result.clickModel());
            row.put("headline", top.headline());
            row.put("copy", top.copy());
            row.put("creative_words", top.words());
            row.put("creative_true_conversion", round(c));
            row.put("commonest_words", commonest);
            row.put("commonest_true_conversion", round(m));
            row.put("shop_wide_best_words", best);
            row.put("shop_wide_best_true_conversion", round(r));
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("categories", measured);
        out.put("creative_over_commonest", measured == 0 ? null : round(creative / common));
        out.put("creative_over_shop_wide_best", measured == 0 ? null : round(creative / rated));
        out.put("mean_creative_true_conversion", measured == 0 ? null : round(creative / measured));
        out.put("mean_commonest_true_conversion", measured == 0 ? null : round(common / measured));
        out.put("mean_shop_wide_best_true_conversion", measured == 0 ? null : round(rated / measured));
        out.put("audiences", rows);
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        return out;
    }

    private static List<Long> mostViewedLeaves(Listings listings) {
        Map<Long, Long> views = new HashMap<>();
        listings.all().forEach(l -> views.merge(l.category(), (long) l.views(), Long::sum));
        List<Long> out = new ArrayList<>(views.keySet());
        out.sort(Comparator.comparingLong((Long c) -> -views.get(c)).thenComparingLong(c -> c));
        return out;
    }

    /** The {@code n} attribute words the category's titles show most often. */
    private static List<String> commonestWords(TitleGenerator generator, Listings listings, long leaf, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (Listing l : listings.all()) {
            if (l.category() == leaf) {
                generator.parts(l).shown(l.title()).forEach(w -> counts.merge(w, 1, Integer::sum));
            }
        }
        return top(counts, n);
    }

    /** The {@code n} of the same item's own words the shop-wide click model rates best in its category. */
    private static List<String> shopWideBest(ClickModel clicks, TitleGenerator generator, Listing item, int n) {
        return clicks.strongest(item.category(), generator.parts(item).allowed(), n, false);
    }

    private static <N extends Number> List<String> top(Map<String, N> scores, int n) {
        return scores.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, N> e) -> -e.getValue().doubleValue()).thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
