package io.igw.engine.titles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.recommenders.ModelRegistry;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The title generator goes to the registry and comes back the same, and is never taken for a recommender. */
class TitleModelsTest {
    @TempDir
    Path tmp;

    @Test
    void aStoredGeneratorWritesWhatItWroteBeforeAndIsNoRecommender() throws Exception {
        Listings listings = GeneratedShop.listings(tmp, 100, 2);
        TitleGenerator.Settings settings = new TitleGenerator.Settings(1, 512, 0, 8, 4, 0.3, 16, 1, 2, 5);
        TitleGenerator trained = TitleGenerator.pretrain(listings, settings, JobContext.quiet());
        List<Listing> items = listings.all().subList(0, 20);
        List<String> before = trained.write(items, 0.8, new SplittableRandom(1)).stream().map(TitleDecoder.Written::text).toList();
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), false)) {
            TitleDiscriminator judge = trained.fluency(ClickModel.learn(ws));
            List<String> probe = TitleTokens.split(items.get(0).title());
            TitleModels models = new TitleModels(ws);
            int id = models.store(trained, settings);
            assertEquals(id, models.latestId());
            TitleGenerator loaded = models.latest(listings).orElseThrow();
            List<String> after = loaded.write(items, 0.8, new SplittableRandom(1)).stream().map(TitleDecoder.Written::text).toList();
            assertEquals(before, after);
            assertEquals(judge.real(probe), loaded.knownFluency().real(probe), 1e-6, "the fluency judge is kept with it");
            assertTrue(new ModelRegistry(ws).list().isEmpty(), "the title generator is not listed among recommenders");
            assertTrue(new ModelRegistry(ws).latest(null).isEmpty());
            items.forEach(l -> {
                String t = after.get(items.indexOf(l));
                assertEquals(null, loaded.parts(l).check(t), t);
            });
        }
    }
}
