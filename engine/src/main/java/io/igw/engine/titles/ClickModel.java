package io.igw.engine.titles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a title does, learned from what the shop's users did: a binomial model of a view's chance of leading to a
 * cart (or purchase), and a Poisson model of how often an item is viewed within its category, each as a function of
 * the title's words (an effect per word in each category, and one shared by all categories), the brand and the
 * price against the category's median, with a category intercept. Weights have Gaussian priors, so a word seen a
 * few times stays near no effect, and the inverse Hessian gives each effect's standard error. Calibration is
 * measured on a fifth of the items held out from a first fit; the model is then fitted on all of them.
 */
public final class ClickModel {
    /** A word's learned effect in a category: log-odds of a view's conversion, and log of the view share. */
    public record WordEffect(long category, String word, double effect, double standardError, double viewEffect, int views) {
    }

    /** How well predicted conversion rates match observed ones on held-out items, in ten bins of prediction. */
    public record Calibration(double expectedCalibrationError, double observedOverPredicted, int heldOutItems,
                              List<double[]> bins) {
    }

    private static final double WORD_PRECISION = 4;   // prior sd 0.5 in log-odds
    private static final double OTHER_PRECISION = 4;
    private static final double INTERCEPT_PRECISION = 0.01;
    private static final int MIN_WORD_VIEWS = 20;
    static final int MAX_FEATURES = 4000;

    private final Map<String, Integer> index;
    private final PenalisedGlm conversion;
    private final PenalisedGlm viewShare;
    private final Map<Long, Double> medianPrice;
    private final TitleWords words;
    private final Calibration calibration;
    private final Map<String, Integer> wordViews;

    private ClickModel(Map<String, Integer> index, PenalisedGlm conversion, PenalisedGlm viewShare,
                       Map<Long, Double> medianPrice, TitleWords words, Calibration calibration) {
        this.index = index;
        this.conversion = conversion;
        this.viewShare = viewShare;
        this.medianPrice = medianPrice;
        this.words = words;
        this.calibration = calibration;
        this.wordViews = new HashMap<>();
    }

    /** Learns the model from the workspace's catalogue and its whole activity log. */
    public static ClickModel learn(io.igw.storage.Workspace workspace) {
        io.igw.engine.activity.ActivityLog log = io.igw.engine.activity.ActivityLog.load(workspace);
        return fit(Listings.load(workspace, log), null);
    }

    /** Fits the model on the listings' counts; with a {@code prior} model, its weights are where this one starts from. */
    static ClickModel fit(Listings listings, ClickModel prior) {
        TitleWords words = new TitleWords(listings.lexicon());
        List<Listing> seen = listings.all().stream().filter(l -> l.views() > 0).toList();
        if (seen.stream().mapToLong(Listing::conversions).sum() == 0) {
            throw new IllegalArgumentException("No views in this workspace led to a cart or a purchase, so there is "
                    + "nothing to learn what a title does from: import a behaviour log with views and carts.");
        }
        Map<Long, Double> medians = medianPrices(listings.all());
        Map<String, Integer> index = featureIndex(seen, words);
        List<PenalisedGlm.Row> all = new ArrayList<>();
        List<PenalisedGlm.Row> train = new ArrayList<>();
        List<PenalisedGlm.Row> test = new ArrayList<>();
        List<PenalisedGlm.Row> exposure = new ArrayList<>();
        Map<Long, Integer> itemsPerCategory = new HashMap<>();
        seen.forEach(l -> itemsPerCategory.merge(l.category(), 1, Integer::sum));
        for (Listing l : listings.all()) {
            PenalisedGlm.Row x = row(index, words, medians, l, l.title(), l.views(), l.conversions());
            exposure.add(new PenalisedGlm.Row(x.features(), x.values(), 1, l.views()));
            if (l.views() > 0) {
                all.add(x);
                (Math.floorMod(Long.hashCode(l.id() * 0x9E3779B97F4A7C15L), 5) == 0 ? test : train).add(x);
            }
        }
        int n = index.size();
        double[] precision = new double[n];
        double[] mean = new double[n];
        double[] start = new double[n];
        index.forEach((name, at) -> precision[at] = name.startsWith("c:") ? INTERCEPT_PRECISION
                : name.startsWith("w:") || name.startsWith("g:") ? WORD_PRECISION : OTHER_PRECISION);
        if (prior != null) {
            index.forEach((name, at) -> {
                Integer p = prior.index.get(name);
                if (p != null) {
                    mean[at] = prior.conversion.weight(p);
                    start[at] = mean[at];
                }
            });
        } else {
            double rate = seen.stream().mapToLong(Listing::conversions).sum() / (double) seen.stream().mapToLong(Listing::views).sum();
            index.forEach((name, at) -> {
                if (name.startsWith("c:")) {
                    start[at] = Math.log(rate / (1 - rate));
                }
            });
        }
        Calibration calibration = null;
        if (test.size() >= 50 && prior == null) {
            PenalisedGlm held = PenalisedGlm.fit(PenalisedGlm.Family.BINOMIAL, train, n, precision, mean, start, false);
            calibration = calibration(held, test);
            System.arraycopy(held.weights(), 0, start, 0, n);
        }
        PenalisedGlm conversion = PenalisedGlm.fit(PenalisedGlm.Family.BINOMIAL, all, n, precision, mean, start, prior == null);
        double[] viewStart = new double[n];
        index.forEach((name, at) -> {
            if (name.startsWith("c:")) {
                long c = Long.parseLong(name.substring(2));
                double views = seen.stream().filter(l -> l.category() == c).mapToLong(Listing::views).sum();
                viewStart[at] = Math.log(Math.max(1e-3, views / Math.max(1, itemsPerCategory.getOrDefault(c, 1))));
            }
        });
        PenalisedGlm share = PenalisedGlm.fit(PenalisedGlm.Family.POISSON, exposure, n, precision, new double[n], viewStart, false);
        ClickModel model = new ClickModel(index, conversion, share, medians, words, calibration);
        for (Listing l : seen) {
            for (String w : model.titleWords(l, l.title())) {
                model.wordViews.merge(key(l.category(), w), l.views(), Integer::sum);
            }
        }
        return model;
    }

    private static Calibration calibration(PenalisedGlm model, List<PenalisedGlm.Row> test) {
        double[][] scored = new double[test.size()][];
        for (int i = 0; i < test.size(); i++) {
            PenalisedGlm.Row r = test.get(i);
            scored[i] = new double[]{model.rate(r), r.trials(), r.successes()};
        }
        Arrays.sort(scored, Comparator.comparingDouble(s -> s[0]));
        double totalViews = Arrays.stream(scored).mapToDouble(s -> s[1]).sum();
        List<double[]> bins = new ArrayList<>();
        double ece = 0;
        double predictedAll = 0;
        double observedAll = 0;
        int at = 0;
        for (int b = 0; b < 10; b++) {
            double limit = totalViews * (b + 1) / 10;
            double views = 0;
            double predicted = 0;
            double observed = 0;
            double cumulative = bins.stream().mapToDouble(x -> x[3]).sum();
            while (at < scored.length && (cumulative + views < limit || b == 9)) {
                views += scored[at][1];
                predicted += scored[at][0] * scored[at][1];
                observed += scored[at][2];
                at++;
            }
            if (views > 0) {
                bins.add(new double[]{predicted / views, observed / views, 0, views});
                ece += views / totalViews * Math.abs(predicted / views - observed / views);
                predictedAll += predicted;
                observedAll += observed;
            }
        }
        return new Calibration(ece, observedAll / Math.max(1e-12, predictedAll), test.size(), List.copyOf(bins));
    }

    private static Map<Long, Double> medianPrices(List<Listing> listings) {
        Map<Long, List<Double>> prices = new HashMap<>();
        for (Listing l : listings) {
            if (!Double.isNaN(l.price()) && l.price() > 0) {
                prices.computeIfAbsent(l.category(), k -> new ArrayList<>()).add(l.price());
            }
        }
        Map<Long, Double> out = new HashMap<>();
        prices.forEach((c, p) -> {
            p.sort(null);
            out.put(c, p.get(p.size() / 2));
        });
        return out;
    }

    /** Categories, then the words with enough views (per category, then shared), then brands and price; capped. */
    private static Map<String, Integer> featureIndex(List<Listing> seen, TitleWords words) {
        Map<String, Long> views = new HashMap<>();
        Set<String> categories = new java.util.TreeSet<>();
        for (Listing l : seen) {
            categories.add("c:" + l.category());
            Set<String> brandWords = new HashSet<>(words.of(l.brand()));
            for (String w : new HashSet<>(words.of(l.title()))) {
                if (!brandWords.contains(w)) {
                    views.merge(key(l.category(), w), (long) l.views(), Long::sum);
                    views.merge("g:" + w, (long) l.views(), Long::sum);
                }
            }
            if (l.brand() != null) {
                views.merge("b:" + l.brand().toLowerCase(Locale.ROOT), (long) l.views(), Long::sum);
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        categories.forEach(c -> index.put(c, index.size()));
        index.put("p", index.size());
        views.entrySet().stream().filter(e -> e.getValue() >= MIN_WORD_VIEWS)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, MAX_FEATURES - index.size()))
                .forEach(e -> index.put(e.getKey(), index.size()));
        return index;
    }

    private static String key(long category, String word) {
        return "w:" + category + ":" + word;
    }

    /** The title's words that carry an effect: all but the brand's own. */
    List<String> titleWords(Listing item, String title) {
        Set<String> brandWords = new HashSet<>(words.of(item.brand()));
        List<String> out = new ArrayList<>();
        for (String w : words.of(title)) {
            if (!brandWords.contains(w) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static PenalisedGlm.Row row(Map<String, Integer> index, TitleWords words, Map<Long, Double> medians,
                                        Listing item, String title, double trials, double successes) {
        List<Integer> f = new ArrayList<>();
        List<Float> v = new ArrayList<>();
        add(index, "c:" + item.category(), 1, f, v);
        Double median = medians.get(item.category());
        if (median != null && item.price() > 0) {
            add(index, "p", (float) Math.max(-3, Math.min(3, Math.log(item.price() / median))), f, v);
        }
        if (item.brand() != null) {
            add(index, "b:" + item.brand().toLowerCase(Locale.ROOT), 1, f, v);
        }
        Set<String> brandWords = new HashSet<>(words.of(item.brand()));
        for (String w : new java.util.LinkedHashSet<>(words.of(title))) {
            if (!brandWords.contains(w)) {
                add(index, key(item.category(), w), 1, f, v);
                add(index, "g:" + w, 1, f, v);
            }
        }
        int[] features = f.stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[v.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(i);
        }
        return new PenalisedGlm.Row(features, values, trials, successes);
    }

    private static void add(Map<String, Integer> index, String name, float value, List<Integer> f, List<Float> v) {
        Integer at = index.get(name);
        if (at != null && !f.contains(at)) {
            f.add(at);
            v.add(value);
        }
    }

    /** The expected chance that a view of {@code item}, titled {@code title}, leads to a cart. */
    public double conversion(Listing item, String title) {
        return conversion.rate(row(index, words, medianPrice, item, title, 1, 0));
    }

    /** How many times the views {@code item} would get with {@code title} rather than with its own title. */
    public double viewShareChange(Listing item, String title) {
        double now = viewShare.eta(row(index, words, medianPrice, item, item.title(), 1, 0));
        double then = viewShare.eta(row(index, words, medianPrice, item, title, 1, 0));
        return Math.exp(then - now);
    }

    /**
     * The predicted change in carts per impression of the category if {@code item} were titled {@code title}: its
     * conversion ratio times its view share ratio, less one (0.12 is 12% more).
     */
    public double uplift(Listing item, String title) {
        return conversion(item, title) / conversion(item, item.title()) * viewShareChange(item, title) - 1;
    }

    /** The word's learned effect in the category (its own plus the shared one), or null if it was never seen enough. */
    public WordEffect effect(long category, String word) {
        Integer own = index.get(key(category, word));
        Integer shared = index.get("g:" + word);
        if (own == null && shared == null) {
            return null;
        }
        double effect = (own == null ? 0 : conversion.weight(own)) + (shared == null ? 0 : conversion.weight(shared));
        double se = Math.sqrt(Math.pow(own == null ? 0 : conversion.standardError(own), 2)
                + Math.pow(shared == null ? 0 : conversion.standardError(shared), 2));
        double view = (own == null ? 0 : viewShare.weight(own)) + (shared == null ? 0 : viewShare.weight(shared));
        return new WordEffect(category, word, effect, se, view, wordViews.getOrDefault(key(category, word), 0));
    }

    /**
     * Up to {@code n} of {@code words} with the strongest learned effect in the category, strongest first (ties by the
     * word); a word never seen enough counts as no effect, and with {@code raisingOnly} only words that raise it count.
     */
    List<String> strongest(long category, List<String> words, int n, boolean raisingOnly) {
        Map<String, Double> effects = new HashMap<>();
        for (String w : words) {
            WordEffect e = effect(category, w.toLowerCase(Locale.ROOT));
            double value = e == null ? 0 : e.effect();
            if (!raisingOnly || value > 0) {
                effects.put(w, value);
            }
        }
        return effects.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> x) -> -x.getValue()).thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** Every word's effect in every category it was seen enough in, strongest first. */
    public List<WordEffect> wordEffects() {
        List<WordEffect> out = new ArrayList<>();
        for (String name : index.keySet()) {
            if (name.startsWith("w:")) {
                int colon = name.indexOf(':', 2);
                out.add(effect(Long.parseLong(name.substring(2, colon)), name.substring(colon + 1)));
            }
        }
        out.sort(Comparator.comparingDouble((WordEffect e) -> -e.effect()));
        return out;
    }

    /** Null when too few items were seen to hold some out. */
    public Calibration calibration() {
        return calibration;
    }

    public int features() {
        return index.size();
    }

    TitleWords words() {
        return words;
    }
}
