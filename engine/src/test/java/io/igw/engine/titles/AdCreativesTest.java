package io.igw.engine.titles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.targeting.AudienceSpec;
import io.igw.engine.targeting.Target;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creatives for an audience: its interests, headlines that keep the rules, copy from its words, ranked and exported. */
class AdCreativesTest {
    @TempDir
    Path tmp;

    @Test
    void aCategorysAudienceGetsCreativesForItsItemsThatKeepTheRulesRankedAndExported() throws Exception {
        Listings listings = GeneratedShop.listings(tmp, 600, 3);
        Map<Long, Long> views = new HashMap<>();
        listings.all().forEach(l -> views.merge(l.category(), (long) l.views(), Long::sum));
        long leaf = views.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        AudienceSpec spec = AudienceSpec.of(List.of(Target.parse("category:" + leaf, "target"))).withSize(300);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), false)) {
            IllegalStateException none = assertThrows(IllegalStateException.class, () -> new WriteCreatives(ws, null,
                    List.of(spec), 3, false, WriteCreatives.WhenNoGenerator.FAIL, 1).run(JobContext.quiet()));
            assertTrue(none.getMessage().contains("no title generator yet"), none.getMessage());
            assertFalse(WriteCreatives.hasStoredGenerator(ws));

            new TrainTitles(ws, new TrainTitles.Effort(1, 512, 1), 5).run(JobContext.quiet());
            assertTrue(WriteCreatives.hasStoredGenerator(ws));
            WriteCreatives.Result written = new WriteCreatives(ws, null, spec, 4, false, 1).run(JobContext.quiet()).get(0);
            AdCreatives.Result r = written.creatives();

            assertTrue(written.audience().size() > 10, "users who touched the leaf: " + written.audience().size());
            assertEquals(written.audience().size(), r.audienceSize());
            assertTrue(r.interests().stream().anyMatch(i -> i.key().equals("category:" + leaf) && i.lift() > 1),
                    "the targeted category is among its strongest interests: " + r.interests());
            assertTrue(r.audienceViews() > 0 && r.audienceConversions() > 0);
            assertFalse(r.creatives().isEmpty());
            assertTrue(r.creatives().size() <= 4);
            List<AdCreatives.Creative> sorted = r.creatives().stream()
                    .sorted(Comparator.comparingDouble(AdCreatives.Creative::predictedConversion).reversed()).toList();
            assertEquals(sorted, r.creatives(), "best predicted conversion first");
            for (AdCreatives.Creative c : r.creatives()) {
                Listing item = listings.get(c.item());
                assertEquals(item.title(), c.itemTitle());
                TitleParts parts = TitleParts.of(item, listings.lexicon());
                assertNull(parts.check(c.headline()), "the headline keeps brand and noun and invents nothing: " + c.headline());
                assertTrue(parts.allowed().containsAll(c.words()), c.words() + " are the item's own words " + parts.allowed());
                assertTrue(c.predictedConversion() > 0 && c.predictedConversion() < 1);
                assertTrue(c.fluency() >= 0 && c.fluency() <= 1);
                assertEquals(TitleWords.hasHan(item.title()), TitleWords.hasHan(c.copy()), "copy in the item's language: " + c.copy());
            }

            Path csv = tmp.resolve("audience.csv");
            Path beside = CreativesCsv.besides(csv);
            assertEquals("audience.creatives.csv", beside.getFileName().toString());
            CreativesCsv.write(beside, r.creatives());
            List<String> lines = Files.readAllLines(beside);
            assertEquals("rank,headline,copy,item_id,item_title,words,predicted_conversion,predicted_uplift,fluency", lines.get(0));
            assertEquals(r.creatives().size() + 1, lines.size());
            assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
        }
    }

    @Test
    void copyNamesTheBestWordsAndTheStrongestInterestInTheItemsLanguage() {
        Listing english = new Listing(1, "Acme waterproof hiking boots", 7, "Acme", 10, List.of("waterproof", "breathable"), 0, 0);
        Listing chinese = new Listing(2, "Acme防水登山鞋", 7, "Acme", 10, List.of("防水", "透气"), 0, 0);
        List<AdCreatives.Interest> into = List.of(new AdCreatives.Interest("category:7", "Hiking boots", "登山鞋", 0.4, 3));
        assertEquals("Waterproof and breathable: picked for fans of Hiking boots.",
                AdCreatives.copy(english, List.of("waterproof", "breathable"), into));
        assertEquals("Picked for fans of Hiking boots.", AdCreatives.copy(english, List.of(), into));
        assertEquals("防水、透气，登山鞋爱好者之选。", AdCreatives.copy(chinese, List.of("防水", "透气"), into));
        assertEquals("防水，为你精选。", AdCreatives.copy(chinese, List.of("防水"), List.of()));
    }
}
