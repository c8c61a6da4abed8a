package io.igw.engine.titles;

import io.igw.engine.task.JobContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the title generator in two stages (decision 0018). First by maximum likelihood on the catalogue's own
 * titles, each conditioned on its item's category, brand, attributes (in a shuffled order, so that order is the
 * title's to choose) and noun. Then adversarially: each round the generator writes titles for a batch of items, a
 * discriminator (re-learned every few rounds on real titles against the latest written ones) scores how real each
 * looks, the click model how much more often its views would lead to carts, and a policy-gradient step (REINFORCE
 * with each item's own samples as the baseline) moves the generator towards what earned more; a likelihood step on
 * real titles follows, so that it does not drift from how the shop writes.
 */
final class TitleGenerator {
    /**
     * @param epochs          passes of maximum likelihood over the catalogue
     * @param titlesPerEpoch  at most this many titles (drawn afresh each epoch) per pass; formulaic catalogues need
     *                        no more, and SameDiff's step costs about 5 ms per title here
     * @param rounds          adversarial rounds (0: none)
     * @param itemsPerRound   items written for in each round
     * @param samplesPerItem  titles drawn per item in a round (their mean reward is the baseline)
     * @param realness        weight of log D(title) in the reward, beside the log of the predicted uplift
     */
    record Settings(int epochs, int titlesPerEpoch, int rounds, int itemsPerRound, int samplesPerItem, double realness,
                    int width, int blocks, int heads, long seed) {
        static Settings standard(long seed) {
            return new Settings(6, 12_000, 20, 64, 8, 0.3, 64, 2, 2, seed);
        }

        Settings withRounds(int r) {
            return new Settings(epochs, titlesPerEpoch, r, itemsPerRound, samplesPerItem, realness, width, blocks, heads, seed);
        }
    }

    /** What the stages measured, for the model's provenance and the bench. */
    record Report(int titles, int vocabulary, long parameters, double firstLoss, double lastLoss,
                  double meanRewardFirst, double meanRewardLast, double discriminatorAccuracyLast, double seconds) {
    }

    private static final int BATCH = 256;
    private static final double COPY_PENALTY = -1.0;

    private final Listings listings;
    private final TitleDecoder decoder;
    private final Set<String> lexicon;
    private final Map<Long, TitleParts> parts = new HashMap<>();
    private final Copies copies;
    private final Settings settings;

    private TitleGenerator(Listings listings, TitleDecoder decoder, Settings settings) {
        this.listings = listings;
        this.decoder = decoder;
        this.lexicon = listings.lexicon();
        this.copies = Copies.of(listings, this::parts);
        this.settings = settings;
    }

    /** A generator over a decoder read back from the registry. */
    static TitleGenerator of(Listings listings, TitleDecoder decoder, Settings settings) {
        return new TitleGenerator(listings, decoder, settings);
    }

    TitleDecoder decoder() {
        return decoder;
    }

    private TitleDiscriminator fluency;

    /**
     * This generator's fluency judge ({@link TitleSuggester#fluencyJudge}), learned on first use against {@code clicks}'
     * ranking and kept (the registry stores it with the generator); learning again resets it.
     */
    TitleDiscriminator fluency(ClickModel clicks) {
        if (fluency == null) {
            // the judge's effort follows the training's: 1,000 items at the standard 12,000 titles per epoch
            int items = Math.max(50, Math.min(1000, settings.titlesPerEpoch() / 12));
            fluency = TitleSuggester.fluencyJudge(this, clicks, items, new SplittableRandom(settings.seed() ^ 0xF1L));
        }
        return fluency;
    }

    /** The judge learned or read back, or null when none is yet. */
    TitleDiscriminator knownFluency() {
        return fluency;
    }

    void restoreFluency(TitleDiscriminator judge) {
        fluency = judge;
    }

    TitleParts parts(Listing item) {
        return parts.computeIfAbsent(item.id(), id -> TitleParts.of(item, lexicon));
    }

    /**
     * Learned by likelihood (the first 60% of {@code context}'s progress after its first 10%), then adversarially against
     * a discriminator and the click model (the last 30%).
     */
    static TitleGenerator trained(Listings listings, ClickModel clicks, Settings s, JobContext context) {
        TitleGenerator g = pretrain(listings, s, context.part(0.1, 0.6, ""));
        g.adversarial(clicks, context.part(0.7, 0.3, ""));
        return g;
    }

    /** The decoder learned by maximum likelihood on every titled item. */
    static TitleGenerator pretrain(Listings listings, Settings s, JobContext context) {
        List<Listing> all = listings.all().stream().filter(l -> l.title() != null && !l.title().isBlank()).toList();
        if (all.size() < 50) {
            throw new IllegalArgumentException("Only " + all.size() + " items have titles; the title generator needs "
                    + "at least 50 to learn how this shop writes them. Import a catalogue (items.csv) first.");
        }
        TitleTokens vocabulary = TitleTokens.of(all);
        int condition = 0;
        int title = 0;
        for (Listing l : all) {
            TitleParts p = TitleParts.of(l, listings.lexicon());
            condition = Math.max(condition, 2 + TitleTokens.split(p.brand()).size() + TitleTokens.split(p.noun()).size()
                    + p.allowed().stream().mapToInt(a -> 1 + TitleTokens.split(a).size()).sum());
            title = Math.max(title, TitleTokens.split(l.title()).size());
        }
        // room for the longest condition and a title a few tokens longer than the longest the shop has
        int length = Math.min(128, condition + title + 4);
        TitleGenerator g = new TitleGenerator(listings,
                new TitleDecoder(vocabulary, length, s.width(), s.blocks(), s.heads(), 0.1, s.seed()), s);
        g.likelihood(all, context);
        return g;
    }

    private double firstLoss = Double.NaN;
    private double lastLoss = Double.NaN;
    private double firstReward = Double.NaN;
    private double lastReward = Double.NaN;
    private double lastAccuracy = Double.NaN;
    private final long started = System.nanoTime();

    private void likelihood(List<Listing> all, JobContext context) {
        decoder.learnWith(2e-3, 20);
        SplittableRandom random = new SplittableRandom(settings.seed());
        java.util.Random dropout = new java.util.Random(settings.seed());
        List<Listing> order = new ArrayList<>(all);
        int perEpoch = Math.min(order.size(), settings.titlesPerEpoch());
        int steps = settings.epochs() * ((perEpoch + BATCH - 1) / BATCH);
        int step = 0;
        for (int e = 0; e < settings.epochs(); e++) {
            java.util.Collections.shuffle(order, new java.util.Random(settings.seed() + e));
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < perEpoch; from += BATCH) {
                context.checkCancelled();
                List<List<String>> conditions = new ArrayList<>();
                List<List<String>> titles = new ArrayList<>();
                for (Listing l : order.subList(from, Math.min(perEpoch, from + BATCH))) {
                    List<String> c = decoder.condition(l, parts(l), random);
                    List<String> t = TitleTokens.split(l.title());
                    if (decoder.fits(c, t)) {
                        conditions.add(c);
                        titles.add(t);
                    }
                }
                if (conditions.isEmpty()) {
                    continue;
                }
                double loss = decoder.fit(conditions, titles, null, dropout);
                firstLoss = Double.isNaN(firstLoss) ? loss : firstLoss;
                sum += loss;
                batches++;
                step++;
                context.progress(step / (double) steps, String.format(java.util.Locale.ROOT,
                        "learning how this shop writes titles: epoch %d of %d, loss %.3f", e + 1, settings.epochs(), sum / batches));
            }
            lastLoss = sum / Math.max(1, batches);
        }
    }

    /** The adversarial stage against a discriminator and the click model's predicted uplift. */
    void adversarial(ClickModel clicks, JobContext context) {
        adversarialWith(clicks, settings.rounds(), context);
    }

    void adversarialWith(ClickModel clicks, int rounds, JobContext context) {
        if (rounds <= 0) {
            return;
        }
        fluency = null;  // the generator changes: a judge of its earlier titles no longer fits
        decoder.learnWith(2e-4, 1);
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0xADL);
        java.util.Random dropout = new java.util.Random(settings.seed() ^ 0xADL);
        List<Listing> all = listings.all().stream().filter(l -> l.title() != null && !l.title().isBlank()).toList();
        List<List<String>> real = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            real.add(TitleTokens.split(all.get(random.nextInt(all.size())).title()));
        }
        List<List<String>> recent = new ArrayList<>();
        TitleDiscriminator discriminator = null;
        for (int round = 0; round < rounds; round++) {
            context.checkCancelled();
            List<Listing> items = new ArrayList<>();
            for (int i = 0; i < settings.itemsPerRound(); i++) {
                Listing l = all.get(random.nextInt(all.size()));
                for (int k = 0; k < settings.samplesPerItem(); k++) {
                    items.add(l);
                }
            }
            List<TitleDecoder.Written> written = write(items, 1.0, random);
            if (discriminator == null || round % 5 == 0) {
                List<List<String>> fake = new ArrayList<>(recent);
                written.forEach(w -> fake.add(w.tokens()));
                discriminator = TitleDiscriminator.learn(real, fake.subList(Math.max(0, fake.size() - 2000), fake.size()), 2);
                lastAccuracy = discriminator.accuracy(real.subList(0, 500), fake.subList(Math.max(0, fake.size() - 500), fake.size()));
            }
            written.forEach(w -> recent.add(w.tokens()));
            if (recent.size() > 4000) {
                recent.subList(0, recent.size() - 4000).clear();
            }
            float[] rewards = new float[written.size()];
            double mean = 0;
            for (int i = 0; i < written.size(); i++) {
                rewards[i] = (float) reward(clicks, discriminator, written.get(i));
                mean += rewards[i];
            }
            mean /= written.size();
            firstReward = Double.isNaN(firstReward) ? mean : firstReward;
            lastReward = mean;
            float[] advantages = advantages(rewards, settings.samplesPerItem());
            List<List<String>> conditions = new ArrayList<>();
            List<List<String>> titles = new ArrayList<>();
            List<Float> weights = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                TitleDecoder.Written w = written.get(i);
                List<String> c = decoder.condition(w.item(), parts(w.item()), null);
                // zero advantages stay in, weighing nothing, so the batch keeps its shape from round to round
                if (decoder.fits(c, w.tokens())) {
                    conditions.add(c);
                    titles.add(w.tokens());
                    weights.add(advantages[i]);
                }
            }
            if (!conditions.isEmpty()) {
                float[] a = new float[weights.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = weights.get(i);
                }
                decoder.fit(conditions, titles, a, dropout);
            }
            likelihoodStep(all, random, dropout);
            context.progress((round + 1) / (double) rounds, String.format(java.util.Locale.ROOT,
                    "adversarial round %d of %d: mean reward %.3f, discriminator accuracy %.2f",
                    round + 1, rounds, mean, lastAccuracy));
        }
    }

    private void likelihoodStep(List<Listing> all, SplittableRandom random, java.util.Random dropout) {
        List<List<String>> conditions = new ArrayList<>();
        List<List<String>> titles = new ArrayList<>();
        for (int i = 0; i < BATCH / 2; i++) {
            Listing l = all.get(random.nextInt(all.size()));
            List<String> c = decoder.condition(l, parts(l), random);
            List<String> t = TitleTokens.split(l.title());
            if (decoder.fits(c, t)) {
                conditions.add(c);
                titles.add(t);
            }
        }
        decoder.fit(conditions, titles, null, dropout);
    }

    /**
     * A written title's reward: the log of its predicted uplift in carts per impression (conversion and view share
     * together) plus {@code realness} times the log of the discriminator's belief that it is real; a title that breaks
     * the rules or copies an existing one earns the penalty instead.
     */
    private double reward(ClickModel clicks, TitleDiscriminator discriminator, TitleDecoder.Written w) {
        Listing item = w.item();
        if (parts(item).check(w.text()) != null || copies.copies(item, w.text())) {
            return COPY_PENALTY;
        }
        double uplift = Math.log(Math.max(1e-6, clicks.uplift(item, w.text()) + 1));
        return uplift + settings.realness() * Math.log(Math.max(1e-6, discriminator.real(w.tokens())));
    }

    /** Each sample's reward less the mean of its item's samples, over the batch's standard deviation. */
    static float[] advantages(float[] rewards, int perItem) {
        float[] out = new float[rewards.length];
        double squares = 0;
        for (int from = 0; from < rewards.length; from += perItem) {
            int to = Math.min(rewards.length, from + perItem);
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += rewards[i];
            }
            mean /= to - from;
            for (int i = from; i < to; i++) {
                out[i] = (float) (rewards[i] - mean);
                squares += out[i] * out[i];
            }
        }
        double sd = Math.sqrt(squares / Math.max(1, rewards.length));
        if (sd > 1e-9) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= (float) sd;
            }
        }
        return out;
    }

    /** Writes one title per listed item (repeat an item for several), in chunks the network runs at once. */
    List<TitleDecoder.Written> write(List<Listing> items, double temperature, SplittableRandom random) {
        List<TitleDecoder.Written> out = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += 1024) {
            List<Listing> chunk = items.subList(from, Math.min(items.size(), from + 1024));
            List<List<String>> conditions = new ArrayList<>();
            List<TitleParts> rules = new ArrayList<>();
            for (Listing l : chunk) {
                conditions.add(decoder.condition(l, parts(l), random));
                rules.add(parts(l));
            }
            out.addAll(decoder.write(chunk, conditions, rules, temperature, random));
        }
        return out;
    }

    Map<String, INDArray> weights() {
        return decoder.snapshot();
    }

    void restore(Map<String, INDArray> weights) {
        fluency = null;
        decoder.restore(weights);
    }

    Copies copies() {
        return copies;
    }

    Listings listings() {
        return listings;
    }

    Report report() {
        return new Report(listings.size(), decoder.vocabulary().size(), decoder.parameters(), firstLoss, lastLoss,
                firstReward, lastReward, lastAccuracy, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Existing titles, to drop copies: the same text (ignoring spaces and case), or a near-copy — the same words in
     * another order — of any item's title.
     */
    record Copies(Set<String> texts, Set<String> wordSets) {
        static Copies of(Listings listings, java.util.function.Function<Listing, TitleParts> parts) {
            Set<String> texts = new HashSet<>();
            Set<String> sets = new HashSet<>();
            for (Listing l : listings.all()) {
                if (l.title() != null) {
                    texts.add(TitleWords.squeezed(l.title()));
                    sets.add(wordSet(l.title()));
                }
            }
            return new Copies(texts, sets);
        }

        boolean copies(Listing item, String title) {
            return texts.contains(TitleWords.squeezed(title)) || wordSets.contains(wordSet(title));
        }

        static String wordSet(String title) {
            List<String> tokens = new ArrayList<>(TitleTokens.split(title.toLowerCase(java.util.Locale.ROOT)));
            tokens.removeIf(TitleTokens.SPACE::equals);
            java.util.Collections.sort(tokens);
            return String.join(" ", tokens);
        }
    }
}
