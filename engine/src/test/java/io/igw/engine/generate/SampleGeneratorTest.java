package io.igw.engine.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.task.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
    private static final JobContext QUIET = JobContext.quiet();

    @TempDir
    Path tmp;

    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        new SampleGenerator(tmp.resolve("a"), GeneratorOptions.of(200, 9)).run(QUIET);
        new SampleGenerator(tmp.resolve("b"), GeneratorOptions.of(200, 9)).run(QUIET);
        for (String f : List.of("events.csv", "items.csv", "users.csv", "reviews.csv", "truth.csv", "bundles.csv", "followups.csv", "title_effects.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void theCatalogueCanBeSizedApartFromTheUsers() throws Exception {
        Path out = tmp.resolve("sized");
        GenerationSummary s = new SampleGenerator(out, GeneratorOptions.of(200, 9).withItems(12_000)).run(QUIET);
        assertEquals(12_000, s.items(), "200 per leaf over the 60 leaves");
        assertEquals(12_000 + 1, Files.readAllLines(out.resolve("items.csv")).size(), "a header and every item");
        assertEquals(600, new SampleGenerator(tmp.resolve("tiny"), GeneratorOptions.of(50, 9).withItems(5)).run(QUIET).items(),
                "at least ten per leaf, which the planted bundles draw from");
    }

    @Test
    void aPurchaseInAPlantedLeafIsOftenFollowedByOneInItsPartner() throws Exception {
        Path out = tmp.resolve("f");
        new SampleGenerator(out, GeneratorOptions.of(3000, 7)).run(QUIET);
        List<String> planted = Files.readAllLines(out.resolve("followups.csv"));
        assertEquals("leaf_a,leaf_b,days,probability", planted.get(0));
        assertEquals(11, planted.size(), "ten planted follow-ups");
        Map<Long, long[]> partner = new HashMap<>();
        for (String line : planted.subList(1, planted.size())) {
            String[] f = line.split(",");
            partner.put(Long.parseLong(f[0]), new long[]{Long.parseLong(f[1]), Long.parseLong(f[2]) * 86_400L});
        }
        Map<Long, List<long[]>> buys = new HashMap<>(); // user -> [leaf, time]
        for (String line : Files.readAllLines(out.resolve("events.csv"))) {
            String[] f = line.split(",");
            if (f[3].equals("buy")) {
                buys.computeIfAbsent(Long.parseLong(f[0]), u -> new java.util.ArrayList<>())
                        .add(new long[]{Long.parseLong(f[2]), Long.parseLong(f[4])});
            }
        }
        int followed = 0;
        int bought = 0;
        int control = 0;
        for (List<long[]> user : buys.values()) {
            for (long[] b : user) {
                long[] p = partner.get(b[0]);
                if (p == null) {
                    continue;
                }
                bought++;
                followed += user.stream().anyMatch(x -> x[0] == p[0] && x[1] > b[1] && x[1] <= b[1] + p[1]) ? 1 : 0;
                // the same window for a leaf that is nobody's follow-up: what chance alone gives
                long other = p[0] + 1 == b[0] ? p[0] + 2 : p[0] + 1;
                control += user.stream().anyMatch(x -> x[0] == other && x[1] > b[1] && x[1] <= b[1] + p[1]) ? 1 : 0;
            }
        }
        assertTrue(bought > 50, "planted leaves are bought in: " + bought);
        double share = (double) followed / bought;
        assertTrue(share > 0.3, "about the planted probability (0.3-0.6, less where the period ends): " + share);
        assertTrue(share > 5.0 * control / bought, "far above chance: " + share + " against " + (double) control / bought);
    }

    @Test
    void thePlantedTruthShowsInTheBehaviour() throws Exception {
        Path out = tmp.resolve("g");
        GenerationSummary s = new SampleGenerator(out, GeneratorOptions.of(800, 7)).run(QUIET);
        assertEquals(60 + 10, s.categories());

        Map<Long, Long> itemCategory = new HashMap<>();
        Map<String, Long> behaviours = new HashMap<>();
        Map<Long, Map<Long, Integer>> viewsByUserAndCategory = new HashMap<>();
        Map<Long, Long> lastEvent = new HashMap<>();
        long maxTime = 0;
        for (String line : Files.readAllLines(out.resolve("events.csv"))) {
            String[] f = line.split(",");
            long user = Long.parseLong(f[0]);
            long category = Long.parseLong(f[2]);
            itemCategory.put(Long.parseLong(f[1]), category);
            behaviours.merge(f[3], 1L, Long::sum);
            viewsByUserAndCategory.computeIfAbsent(user, u -> new HashMap<>()).merge(category, 1, Integer::sum);
            lastEvent.merge(user, Long.parseLong(f[4]), Math::max);
            maxTime = Math.max(maxTime, Long.parseLong(f[4]));
        }
        long views = behaviours.get("pv");
        long total = behaviours.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(views > 0.8 * total && views < 0.95 * total, "views dominate as in real logs: " + behaviours);
        assertTrue(behaviours.get("buy") < behaviours.get("cart"), "fewer buys than carts: " + behaviours);

        int strongestIsTop = 0;
        int churnedGoQuiet = 0;
        int churned = 0;
        List<String> truth = Files.readAllLines(out.resolve("truth.csv"));
        for (String line : truth.subList(1, truth.size())) {
            String[] f = line.split(",");
            long user = Long.parseLong(f[0]);
            long strongest = Long.parseLong(f[1].split(";")[0]);
            Map<Long, Integer> counts = viewsByUserAndCategory.getOrDefault(user, Map.of());
            long top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1L);
            strongestIsTop += top == strongest ? 1 : 0;
            if (f[2].equals("1")) {
                churned++;
                churnedGoQuiet += lastEvent.getOrDefault(user, 0L) < maxTime - 7 * 86_400L ? 1 : 0;
            }
        }
        assertTrue(strongestIsTop > 0.6 * (truth.size() - 1), "the strongest planted interest is usually the most visited: " + strongestIsTop);
        assertTrue(churned > 0.1 * (truth.size() - 1) && churnedGoQuiet > 0.9 * churned, churnedGoQuiet + " of " + churned);

        Set<String> boughtTogether = new HashSet<>();
        List<String> events = Files.readAllLines(out.resolve("events.csv"));
        for (int i = 1; i < events.size(); i++) {
            String[] a = events.get(i - 1).split(",");
            String[] b = events.get(i).split(",");
            if (a[0].equals(b[0]) && a[3].equals("buy") && b[3].equals("pv")) {
                boughtTogether.add(a[1] + "," + b[1]);
            }
        }
        List<String> bundles = Files.readAllLines(out.resolve("bundles.csv"));
        long seen = bundles.subList(1, bundles.size()).stream().filter(boughtTogether::contains).count();
        assertTrue(seen >= 10, "planted bundles are bought together: " + seen);
        assertTrue(Files.readString(out.resolve("items.csv")).chars().anyMatch(c -> c > 0x4E00), "some titles are Chinese");
    }
}
