package io.igw.engine.titles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Suggests new titles for an item: the title generator writes many under the constraints, rule-breakers, copies and
 * near-copies of existing titles are dropped, so are titles that read less like the shop's own than like the
 * generator's ({@link #MIN_FLUENCY}), and the rest are ranked by the click model's predicted uplift. Each
 * candidate says how real it reads (the fluency discriminator's chance that it is a shop's own title) and which
 * words it adds and drops.
 */
public final class TitleSuggester {
    /** One suggestion; {@code predictedUplift} 0.12 means 12% more carts per impression of its category. */
    public record Candidate(String title, double predictedUplift, double fluency, List<String> changedWords) {
    }

    /**
     * The least fluency a suggestion may have when any of an item's candidates has it: the fluency judge must find it
     * at least as likely to be one of the shop's own titles as one the generator wrote. Ranking by fluency instead (log uplift + ½ log fluency) was measured and
     * lowered the top suggestion's true uplift (1.43× → 1.39×) without making the suggestions harder to tell from
     * real titles, since it reorders them but shows the same ones.
     */
    static final double MIN_FLUENCY = 0.5;

    /** An item's suggestions, best first. */
    public record Suggestions(long item, String current, List<Candidate> candidates) {
    }

    /** Draws per suggestion asked for: most are copies or read less real than written, so many are needed. */
    private static final int DRAWS_PER_CANDIDATE = 8;
    /** Draws per suggestion while the fluency judge learns (half, to keep learning it to a minute or two). */
    private static final int JUDGE_DRAWS_PER_CANDIDATE = 4;

    private final TitleGenerator generator;
    private final ClickModel clicks;
    private final TitleDiscriminator fluency;
    private final long seed;

    TitleSuggester(TitleGenerator generator, ClickModel clicks, TitleDiscriminator fluency, long seed) {
        this.generator = generator;
        this.clicks = clicks;
        this.fluency = fluency;
        this.seed = seed;
    }

    /** Real and written titles the first fluency judge learns from, of each: enough for its hashed n-grams, quick to write. */
    private static final int JUDGE_TITLES = 600;

    /**
     * The fluency judge: a discriminator that learned real titles against suggestions as this generator's would be
     * shown. It learns in two steps. A first judge learns real titles against raw draws; suggestions are then chosen
     * with it for {@code judgedItems} items (drawn, filtered and ranked by {@code clicks} as for a person), and the
     * judge learns real titles of the same leaf categories against those. Raw draws alone teach it too little: what
     * gives suggestions away is what ranking by predicted uplift selects (appeal words and claims more often than the
     * shop writes them), and the first judge never sees that selection (decision 0018).
     */
    static TitleDiscriminator fluencyJudge(TitleGenerator generator, ClickModel clicks, int judgedItems, SplittableRandom random) {
        List<Listing> all = generator.listings().all().stream().filter(l -> l.title() != null && !l.title().isBlank()).toList();
        List<Listing> items = new ArrayList<>();
        List<List<String>> real = new ArrayList<>();
        for (int i = 0; i < JUDGE_TITLES; i++) {
            items.add(all.get(random.nextInt(all.size())));
            real.add(TitleTokens.split(all.get(random.nextInt(all.size())).title()));
        }
        List<List<String>> written = generator.write(items, 1.0, random).stream().map(TitleDecoder.Written::tokens).toList();
        TitleDiscriminator first = TitleDiscriminator.learn(real, written, 2);

        java.util.Map<Long, List<Listing>> byLeaf = new java.util.HashMap<>();
        all.forEach(l -> byLeaf.computeIfAbsent(l.category(), k -> new ArrayList<>()).add(l));
        List<Listing> judged = new ArrayList<>();
        for (int i = 0; i < judgedItems; i++) {
            judged.add(all.get(random.nextInt(all.size())));
        }
        TitleSuggester choosing = new TitleSuggester(generator, clicks, first, random.nextLong());
        List<List<String>> shown = new ArrayList<>();
        List<List<String>> sameLeaves = new ArrayList<>();
        java.util.Map<Long, List<Candidate>> chosen = choosing.candidates(judged, 5, 0.8, random, JUDGE_DRAWS_PER_CANDIDATE);
        for (Listing item : judged) {
            List<Listing> leaf = byLeaf.get(item.category());
            for (Candidate c : chosen.getOrDefault(item.id(), List.of())) {
                shown.add(TitleTokens.split(c.title()));
                sameLeaves.add(TitleTokens.split(leaf.get(random.nextInt(leaf.size())).title()));
            }
        }
        return shown.isEmpty() ? first : TitleDiscriminator.learn(sameLeaves, shown, 2);
    }

    /** Up to {@code n} suggestions for the item, best first; the item must be in the workspace's catalogue. */
    public Suggestions suggest(long itemId, int n) {
        Listing item = generator.listings().get(itemId);
        if (item == null) {
            throw new IllegalArgumentException("Item " + itemId + " has no title in this workspace's catalogue.");
        }
        return new Suggestions(item.id(), item.title(), candidates(item, n, 0.8, new SplittableRandom(seed ^ itemId)));
    }

    List<Candidate> candidates(Listing item, int n, double temperature, SplittableRandom random) {
        return candidates(List.of(item), n, temperature, random).get(item.id());
    }

    /** Up to {@code n} candidates for each item, best first, written for all the items at once. */
    java.util.Map<Long, List<Candidate>> candidates(List<Listing> items, int n, double temperature, SplittableRandom random) {
        return candidates(items, n, temperature, random, DRAWS_PER_CANDIDATE);
    }

    private java.util.Map<Long, List<Candidate>> candidates(List<Listing> items, int n, double temperature, SplittableRandom random,
                                                            int drawsPerCandidate) {
        List<Listing> repeated = new ArrayList<>();
        for (Listing item : items) {
            for (int k = 0; k < n * drawsPerCandidate; k++) {
                repeated.add(item);
            }
        }
        java.util.Map<Long, Set<String>> seen = new java.util.HashMap<>();
        java.util.Map<Long, List<Candidate>> out = new java.util.LinkedHashMap<>();
        items.forEach(i -> out.put(i.id(), new ArrayList<>()));
        for (TitleDecoder.Written w : generator.write(repeated, temperature, random)) {
            Listing item = w.item();
            if (generator.parts(item).check(w.text()) != null || generator.copies().copies(item, w.text())
                    || !seen.computeIfAbsent(item.id(), k -> new HashSet<>()).add(TitleGenerator.Copies.wordSet(w.text()))) {
                continue;
            }
            out.get(item.id()).add(new Candidate(w.text(), clicks.uplift(item, w.text()), fluency.real(w.tokens()),
                    generator.parts(item).changes(item.title(), w.text())));
        }
        out.replaceAll((id, all) -> {
            List<Candidate> list = new ArrayList<>(all.stream().filter(c -> c.fluency() >= MIN_FLUENCY).toList());
            if (list.isEmpty()) {
                list = all;  // a generator the judge sees through still suggests something; each shows its fluency
            }
            list.sort(Comparator.comparingDouble(Candidate::predictedUplift).reversed());
            return List.copyOf(list.subList(0, Math.min(n, list.size())));
        });
        return out;
    }

    TitleGenerator generator() {
        return generator;
    }
}
