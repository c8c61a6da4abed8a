package io.igw.engine.titles;

import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleBiFunction;

/**
 * How much more a suggested title would truly convert, under a truth the models never see (the generator's planted
 * title effects): for items whose titles carry no positive word, the top suggestion of the adversarially tuned
 * generator, of the same generator before its adversarial stage and of the category template, in one run; then
 * whether a fresh discriminator can tell the tuned generator's suggestions from real titles, and how often raw draws
 * break the rules or copy an existing title.
 */
public final class TitleUplift {
    private final Workspace workspace;
    private final ToDoubleBiFunction<Long, String> trueConversion;
    private final BiPredicate<Long, String> hasPositiveWord;
    private final int itemsWanted;
    private final long seed;
    private final TitleGenerator.Settings settings;

    /**
     * @param trueConversion  (leaf category, title) to its true expected conversion
     * @param hasPositiveWord (leaf category, title) to whether it shows a word that truly raises conversion
     */
    public TitleUplift(Workspace workspace, ToDoubleBiFunction<Long, String> trueConversion,
                       BiPredicate<Long, String> hasPositiveWord, int items, int rounds, long seed) {
        this.workspace = workspace;
        this.trueConversion = trueConversion;
        this.hasPositiveWord = hasPositiveWord;
        this.itemsWanted = items;
        this.seed = seed;
        this.settings = TitleGenerator.Settings.standard(seed).withRounds(rounds);
    }

    public Map<String, Object> run(JobContext context) {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        context.progress(0, "learning the click model");
        ClickModel clicks = ClickModel.learn(workspace);
        Listings listings = Listings.read(workspace);
        out.put("click_model_seconds", seconds(t0));
        long t1 = System.nanoTime();
        TitleGenerator generator = TitleGenerator.pretrain(listings, settings, context.part(0.1, 0.4, ""));
        out.put("pretrain_seconds", seconds(t1));
        List<Listing> chosen = chosen(listings);
        out.put("items", chosen.size());

        TitleSuggester before = new TitleSuggester(generator, clicks, generator.fluency(clicks), seed);
        Map<String, Object> pre = evaluate(generator, before, chosen, null, null);
        TemplateTitles template = new TemplateTitles(listings.all(), generator::parts);
        Map<String, Object> baseline = evaluate(generator, null, chosen, template, null);

        long t2 = System.nanoTime();
        generator.adversarial(clicks, context.part(0.55, 0.35, ""));
        out.put("adversarial_seconds", seconds(t2));
        TitleSuggester tuned = new TitleSuggester(generator, clicks, generator.fluency(clicks), seed);
        List<Shown> suggestions = new ArrayList<>();
        Map<String, Object> adv = evaluate(generator, tuned, chosen, null, suggestions);
        out.put("tuned_uplift", adv.get("uplift"));
        out.put("pretrained_uplift", pre.get("uplift"));
        out.put("template_uplift", baseline.get("uplift"));
        out.put("tuned", adv);
        out.put("pretrained", pre);
        out.put("template", baseline);
        Map<Long, List<Listing>> byLeaf = realTitlesByLeaf(listings, chosen);
        out.put("fresh_discriminator_accuracy", freshAccuracy(byLeaf, suggestions, true));
        out.put("fresh_discriminator_accuracy_unmatched", freshAccuracy(byLeaf, suggestions, false));
        out.put("fresh_discriminator_titles", suggestions.size() * 2);
        out.put("raw_draws", rawDraws(tuned, chosen));
        TitleGenerator.Report r = generator.report();
        out.put("generator", Map.of("titles", r.titles(), "vocabulary", r.vocabulary(), "parameters", r.parameters(),
                "first_loss", round(r.firstLoss()), "last_loss", round(r.lastLoss()),
                "mean_reward_first_round", round(r.meanRewardFirst()), "mean_reward_last_round", round(r.meanRewardLast()),
                "discriminator_accuracy_last_round", round(r.discriminatorAccuracyLast())));
        out.put("seconds", seconds(t0));
        return out;
    }

    /** Items, seeded, whose titles show no truly positive word. */
    private List<Listing> chosen(Listings listings) {
        List<Listing> candidates = new ArrayList<>(listings.all().stream()
                .filter(l -> l.title() != null && !hasPositiveWord.test(l.category(), l.title())).toList());
        candidates.sort(java.util.Comparator.comparingLong(Listing::id));
        java.util.Collections.shuffle(candidates, new java.util.Random(seed));
        return List.copyOf(candidates.subList(0, Math.min(itemsWanted, candidates.size())));
    }

    /** The top suggestion's (or the template's) true conversion against the original's, over the items. */
    private Map<String, Object> evaluate(TitleGenerator generator, TitleSuggester suggester, List<Listing> items,
                                         TemplateTitles template, List<Shown> collect) {
        double original = 0;
        double suggested = 0;
        double ratios = 0;
        double predicted = 0;
        int withSuggestion = 0;
        int keepRules = 0;
        Map<Long, List<TitleSuggester.Candidate>> all = suggester == null ? Map.of()
                : suggester.candidates(items, 5, 0.8, new SplittableRandom(seed + 3));
        for (Listing item : items) {
            double now = trueConversion.applyAsDouble(item.category(), item.title());
            String best = item.title();
            if (template != null) {
                String t = template.title(item);
                if (generator.parts(item).check(t) == null && !generator.copies().copies(item, t)) {
                    best = t;
                }
            } else {
                List<TitleSuggester.Candidate> c = all.get(item.id());
                if (!c.isEmpty()) {
                    best = c.get(0).title();
                    predicted += c.get(0).predictedUplift();
                    if (collect != null) {
                        c.forEach(x -> collect.add(new Shown(TitleTokens.split(x.title()), item.category())));
                    }
                }
            }
            if (!best.equals(item.title())) {
                withSuggestion++;
            }
            double then = trueConversion.applyAsDouble(item.category(), best);
            original += now;
            suggested += then;
            ratios += then / now;
            keepRules += best.equals(item.title()) || generator.parts(item).check(best) == null ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uplift", round(suggested / original));
        out.put("mean_of_ratios", round(ratios / items.size()));
        out.put("mean_true_conversion_original", round(original / items.size()));
        out.put("mean_true_conversion_suggested", round(suggested / items.size()));
        out.put("items_with_a_suggestion", withSuggestion);
        if (suggester != null) {
            out.put("mean_predicted_uplift_of_top", round(predicted / Math.max(1, withSuggestion)));
        }
        out.put("suggestions_keeping_the_rules", keepRules);
        return out;
    }

    /** A suggestion as the fresh discriminator sees it: its tokens, and the leaf category of its item. */
    private record Shown(List<String> tokens, long leaf) {
    }

    private static final int FOLDS = 5;

    /** Real titles of the items not being retitled, by leaf category, each leaf's in a seeded order. */
    private Map<Long, List<Listing>> realTitlesByLeaf(Listings listings, List<Listing> chosen) {
        Set<Long> used = new HashSet<>();
        chosen.forEach(l -> used.add(l.id()));
        List<Listing> others = new ArrayList<>(listings.all().stream().filter(l -> !used.contains(l.id()) && l.title() != null).toList());
        java.util.Collections.shuffle(others, new java.util.Random(seed + 7));
        Map<Long, List<Listing>> byLeaf = new LinkedHashMap<>();
        others.forEach(l -> byLeaf.computeIfAbsent(l.category(), k -> new ArrayList<>()).add(l));
        byLeaf.put(ANY_LEAF, others);
        return byLeaf;
    }

    private static final long ANY_LEAF = Long.MIN_VALUE;

    /**
     * How well a fresh discriminator (longer n-grams than the judge used in generation) tells the suggestions from
     * real titles, held out by 5-fold cross-validation. Matched: each suggestion's real counterpart is a title of its
     * item's own leaf category, so the discriminator cannot win by telling which categories were being retitled
     * (the retitled items are those whose titles lack appeal words, not a random sample of the shop). Unmatched: real
     * titles drawn from the whole catalogue, as measured before, reported beside it.
     */
    private double freshAccuracy(Map<Long, List<Listing>> byLeaf, List<Shown> generated, boolean matched) {
        List<List<String>> real = new ArrayList<>();
        Map<Long, Integer> taken = new java.util.HashMap<>();
        for (Shown g : generated) {
            List<Listing> pool = byLeaf.get(matched && byLeaf.containsKey(g.leaf()) ? g.leaf() : ANY_LEAF);
            int k = taken.merge(matched ? g.leaf() : ANY_LEAF, 1, Integer::sum) - 1;
            real.add(TitleTokens.split(pool.get(k % pool.size()).title()));
        }
        List<List<String>> fake = new ArrayList<>(generated.stream().map(Shown::tokens).toList());
        java.util.Collections.shuffle(fake, new java.util.Random(seed + 8));
        long right = 0;
        long total = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<List<String>> realTrain = new ArrayList<>();
            List<List<String>> realTest = new ArrayList<>();
            List<List<String>> fakeTrain = new ArrayList<>();
            List<List<String>> fakeTest = new ArrayList<>();
            for (int i = 0; i < real.size(); i++) {
                (i % FOLDS == fold ? realTest : realTrain).add(real.get(i));
            }
            for (int i = 0; i < fake.size(); i++) {
                (i % FOLDS == fold ? fakeTest : fakeTrain).add(fake.get(i));
            }
            TitleDiscriminator fresh = TitleDiscriminator.learn(realTrain, fakeTrain, 3);
            right += Math.round(fresh.accuracy(realTest, fakeTest) * (realTest.size() + fakeTest.size()));
            total += realTest.size() + fakeTest.size();
        }
        return round(right / (double) Math.max(1, total));
    }

    /** Of the tuned generator's raw draws (before any is dropped), how many keep the rules, and how many copy a title. */
    private Map<String, Object> rawDraws(TitleSuggester tuned, List<Listing> items) {
        List<Listing> repeated = new ArrayList<>();
        for (Listing l : items) {
            for (int k = 0; k < 8; k++) {
                repeated.add(l);
            }
        }
        TitleGenerator g = tuned.generator();
        int breaking = 0;
        int copies = 0;
        for (TitleDecoder.Written w : g.write(repeated, 0.8, new SplittableRandom(seed + 9))) {
            if (g.parts(w.item()).check(w.text()) != null) {
                breaking++;
            } else if (g.copies().copies(w.item(), w.text())) {
                copies++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("draws", repeated.size());
        out.put("breaking_the_rules", breaking);
        out.put("copies_or_near_copies", copies);
        out.put("keeping_the_rules_share", round(1 - breaking / (double) repeated.size()));
        out.put("not_copies_share_of_those", round(1 - copies / (double) Math.max(1, repeated.size() - breaking)));
        return out;
    }

    private static double seconds(long from) {
        return round((System.nanoTime() - from) / 1e9);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
