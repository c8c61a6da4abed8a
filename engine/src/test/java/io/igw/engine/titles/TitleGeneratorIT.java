package io.igw.engine.titles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.task.JobContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The title generator on a small generated shop: it learns to write its titles, then to write ones that convert. */
class TitleGeneratorIT {
    @TempDir
    static Path tmp;

    private static Listings listings;
    private static ClickModel clicks;

    @BeforeAll
    static void shop() throws Exception {
        listings = GeneratedShop.listings(tmp, 600, 5);
        clicks = ClickModel.fit(listings, null);
    }

    @Test
    void theGeneratorLearnsTheShopsTitlesThenWhatConverts() {
        long t0 = System.nanoTime();
        TitleGenerator g = TitleGenerator.pretrain(listings, new TitleGenerator.Settings(3, 4000, 0, 32, 8, 0.3, 64, 2, 2, 3), JobContext.quiet());
        double pretrainSeconds = (System.nanoTime() - t0) / 1e9;
        List<Listing> items = new ArrayList<>();
        List<Listing> all = listings.all();
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            items.add(all.get(r.nextInt(all.size())));
        }
        double before = meanUplift(g, items, r, "pretrained");
        long t1 = System.nanoTime();
        TitleGenerator tuned = g;
        tuned.adversarialWith(clicks, 8, JobContext.quiet());
        double adversarialSeconds = (System.nanoTime() - t1) / 1e9;
        double after = meanUplift(tuned, items, r, "tuned");
        System.out.printf("title generator: %d titles, vocabulary %d, %d parameters; pretraining %.1f s, 8 rounds %.1f s; "
                + "mean predicted uplift %.4f before, %.4f after%n", listings.size(), g.report().vocabulary(),
                g.report().parameters(), pretrainSeconds, adversarialSeconds, before, after);
        assertTrue(after > before, "the adversarial stage raises the predicted uplift: " + before + " -> " + after);
    }

    private static double meanUplift(TitleGenerator g, List<Listing> items, SplittableRandom r, String what) {
        int keeping = 0;
        double uplift = 0;
        List<TitleDecoder.Written> written = g.write(items, 1.0, r);
        for (TitleDecoder.Written w : written) {
            if (g.parts(w.item()).check(w.text()) == null) {
                keeping++;
                uplift += clicks.uplift(w.item(), w.text());
            }
        }
        System.out.printf("%s: %d of %d written titles keep the rules, e.g. %s | %s | %s%n", what, keeping, written.size(),
                written.get(0).text(), written.get(1).text(), written.get(2).text());
        assertTrue(keeping == written.size(), what + ": " + keeping + " of " + written.size() + " keep brand and noun and invent nothing");
        return uplift / Math.max(1, keeping);
    }
}
