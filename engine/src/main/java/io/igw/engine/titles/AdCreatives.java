package io.igw.engine.titles;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.activity.ItemFacets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Ad creatives for an audience: its strongest interests (the categories, brands and concepts its members touch far
 * more than everyone does), its best-suited items (those its members carted most, in its top categories), and for
 * each such item a headline written by the title generator and a line of copy naming the item's words that convert
 * best for this audience. Everything is ranked by a click model fitted on the audience's own views and carts, with
 * the shop-wide click model as its prior, so a word the audience has seen little keeps the shop's effect.
 */
public final class AdCreatives {
    /**
     * An interest the audience over-indexes on: what it is called (and its Chinese name, for a category that has one,
     * else null), its share of the audience's actions, and that share over everyone's.
     */
    public record Interest(String key, String label, String labelZh, double share, double lift) {
    }

    /**
     * One creative: the item it advertises, its headline and copy, the item's words it shows, the audience click
     * model's expected chance that a view leads to a cart, the headline's predicted uplift over the item's own title
     * for this audience, and how real the headline reads (0 to 1).
     */
    public record Creative(long item, String itemTitle, String headline, String copy, List<String> words,
                           double predictedConversion, double predictedUplift, double fluency) {
        /** The headline and copy as one text: what a title-effect truth is evaluated on. */
        public String text() {
            return headline + " " + copy;
        }
    }

    /**
     * The creatives best first, the audience's interests, its size, and which click model ranked them: {@code
     * audience} (fitted on its behaviour) or {@code everyone} (too few of its views led to a cart to fit one).
     */
    public record Result(int audienceSize, List<Interest> interests, List<Creative> creatives, String clickModel,
                         int audienceViews, int audienceConversions) {
    }

    static final int INTERESTS = 6;
    private static final int MIN_AUDIENCE_CONVERSIONS = 30;
    private static final int ITEMS_PER_CREATIVE = 2;

    private final TitleGenerator generator;
    private final java.util.function.LongFunction<String> chineseNames;
    private final ClickModel everyone;
    private final TitleDiscriminator fluency;
    private final long seed;

    /** @param chineseNames a category id to its Chinese name, or null where it has none */
    AdCreatives(TitleGenerator generator, ClickModel everyone, TitleDiscriminator fluency,
                java.util.function.LongFunction<String> chineseNames, long seed) {
        this.generator = generator;
        this.chineseNames = chineseNames;
        this.everyone = everyone;
        this.fluency = fluency;
        this.seed = seed;
    }

    /** A writer over the workspace's catalogue (its Chinese category names), with a fluency judge of the generator. */
    static AdCreatives in(io.igw.storage.Workspace workspace, TitleGenerator generator, ClickModel everyone, long seed) {
        return new AdCreatives(generator, everyone, generator.fluency(everyone), chineseNames(workspace), seed);
    }

    /** Up to {@code n} creatives for the audience of {@code members} (user ids in the log), best first. */
    Result write(ActivityLog log, Set<Long> members, int n) {
        IntPredicate inAudience = u -> members.contains(log.userId(u));
        List<Interest> interests = interests(log, inAudience, chineseNames);
        Listings audienceListings = generator.listings().counted(log, inAudience);
        int views = (int) audienceListings.views();
        int conversions = audienceListings.all().stream().mapToInt(Listing::conversions).sum();
        ClickModel clicks = everyone;
        String model = "everyone";
        if (conversions >= MIN_AUDIENCE_CONVERSIONS) {
            clicks = ClickModel.fit(audienceListings, everyone);
            model = "audience";
        }
        List<Listing> items = bestSuited(audienceListings, interests, n * ITEMS_PER_CREATIVE);
        TitleSuggester suggester = new TitleSuggester(generator, clicks, fluency, seed);
        Map<Long, List<TitleSuggester.Candidate>> headlines = suggester.candidates(items, 3, 0.8, new SplittableRandom(seed));
        List<Creative> creatives = new ArrayList<>();
        for (Listing item : items) {
            List<TitleSuggester.Candidate> written = headlines.getOrDefault(item.id(), List.of());
            String headline = written.isEmpty() ? item.title() : written.get(0).title();
            List<String> best = bestWords(clicks, item);
            String copy = copy(item, best, interests);
            TitleParts parts = generator.parts(item);
            List<String> shown = new ArrayList<>(parts.shown(headline));
            best.stream().filter(w -> !shown.contains(w)).forEach(shown::add);
            creatives.add(new Creative(item.id(), item.title(), headline, copy, List.copyOf(shown),
                    clicks.conversion(item, String.join(" ", headline, String.join(" ", best))),
                    clicks.uplift(item, headline), fluency.real(TitleTokens.split(headline))));
        }
        creatives.sort(Comparator.comparingDouble(Creative::predictedConversion).reversed());
        return new Result(members.size(), interests, List.copyOf(creatives.subList(0, Math.min(n, creatives.size()))),
                model, views, conversions);
    }

    /**
     * The facets (categories, brands, concepts) the audience touches most beyond everyone: each one's share of the
     * audience's actions times the log of its lift over everyone's share, the strongest {@value #INTERESTS}.
     */
    static List<Interest> interests(ActivityLog log, IntPredicate inAudience, java.util.function.LongFunction<String> chineseNames) {
        ItemFacets facets = log.facets();
        long[] audience = new long[facets.count()];
        long[] all = new long[facets.count()];
        long audienceTotal = 0;
        long total = 0;
        for (int u = 0; u < log.users(); u++) {
            boolean in = inAudience.test(u);
            for (int e = log.start(u); e < log.end(u); e++) {
                for (int f : facets.of(log.item(e))) {
                    all[f]++;
                    if (in) {
                        audience[f]++;
                    }
                }
                total++;
                audienceTotal += in ? 1 : 0;
            }
        }
        List<Interest> out = new ArrayList<>();
        for (int f = 0; f < facets.count(); f++) {
            String key = facets.key(f);
            if (audience[f] == 0 || key.startsWith("item:")) {
                continue;
            }
            double share = audience[f] / (double) audienceTotal;
            double lift = (audience[f] + 1.0) / (audienceTotal + 1.0) / ((all[f] + 1.0) / (total + 1.0));
            if (lift > 1) {
                String zh = key.startsWith("category:") ? chineseNames.apply(Long.parseLong(key.substring(9))) : null;
                out.add(new Interest(key, label(facets.label(f)), zh, round(share), round(lift)));
            }
        }
        out.sort(Comparator.comparingDouble((Interest i) -> -i.share() * Math.log(i.lift())));
        return List.copyOf(out.subList(0, Math.min(INTERESTS, out.size())));
    }

    /** "category Hiking boots" → "Hiking boots". */
    private static String label(String facetLabel) {
        int space = facetLabel.indexOf(' ');
        return space < 0 ? facetLabel : facetLabel.substring(space + 1);
    }

    /**
     * The items the audience carted most (then viewed most) among its interests' categories and brands, or over the
     * whole catalogue when none of its interests names an item's category or brand.
     */
    private static List<Listing> bestSuited(Listings listings, List<Interest> interests, int wanted) {
        Set<Long> categories = new HashSet<>();
        Set<String> brands = new HashSet<>();
        for (Interest i : interests) {
            if (i.key().startsWith("category:")) {
                categories.add(Long.parseLong(i.key().substring(9)));
            } else if (i.key().startsWith("brand:")) {
                brands.add(i.key().substring(6).toLowerCase(Locale.ROOT));
            }
        }
        List<Listing> seen = listings.all().stream().filter(l -> l.views() > 0).toList();
        List<Listing> suited = seen.stream().filter(l -> categories.contains(l.category())
                || l.brand() != null && brands.contains(l.brand().toLowerCase(Locale.ROOT))).toList();
        List<Listing> pool = new ArrayList<>(suited.isEmpty() ? seen : suited);
        pool.sort(Comparator.comparingInt(Listing::conversions).thenComparingInt(Listing::views).reversed()
                .thenComparingLong(Listing::id));
        return List.copyOf(pool.subList(0, Math.min(wanted, pool.size())));
    }

    /** Up to two of the item's own words that raise this audience's conversion most, strongest first. */
    private List<String> bestWords(ClickModel clicks, Listing item) {
        return clicks.strongest(item.category(), generator.parts(item).allowed(), 2, true);
    }

    /**
     * The line of copy: the item's best words for the audience and the audience's strongest interest, in the
     * item's own language ("Waterproof and breathable: picked for fans of Hiking boots." or
     * "防水、透气，登山鞋爱好者之选。").
     */
    static String copy(Listing item, List<String> words, List<Interest> interests) {
        Interest strongest = interests.isEmpty() ? null : interests.get(0);
        String interest = strongest == null ? null : strongest.label();
        if (TitleWords.hasHan(item.title())) {
            interest = strongest == null ? null : strongest.labelZh() != null ? strongest.labelZh() : strongest.label();
            String lead = words.isEmpty() ? "" : String.join("、", words) + "，";
            return lead + (interest == null ? "为你精选。" : interest + "爱好者之选。");
        }
        String lead = switch (words.size()) {
            case 0 -> "";
            case 1 -> capitalised(words.get(0)) + ": ";
            default -> capitalised(words.get(0)) + " and " + words.get(1) + ": ";
        };
        return lead + (interest == null ? "picked for you." : (lead.isEmpty() ? "Picked" : "picked") + " for fans of " + interest + ".");
    }

    private static String capitalised(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }

    /** The catalogue's Chinese category names, by id. */
    static java.util.function.LongFunction<String> chineseNames(io.igw.storage.Workspace workspace) {
        io.igw.storage.catalog.CatalogLookup catalog = io.igw.storage.catalog.CatalogLookup.load(workspace, false);
        return id -> {
            io.igw.storage.catalog.CatalogLookup.Category c = catalog.category(id);
            return c == null ? null : c.nameZh();
        };
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
