package io.igw.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.bench.Apriori;
import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FP-Growth (and Apriori, its benchmark peer) against brute force on random baskets; the planted bundles of generated shoppers. */
class FpGrowthTest {
    @TempDir
    Path tmp;

    @Test
    void findsExactlyWhatBruteForceFindsOnRandomBaskets() {
        for (int seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            int items = 3 + random.nextInt(8);
            int[][] baskets = new int[5 + random.nextInt(40)][];
            for (int b = 0; b < baskets.length; b++) {
                baskets[b] = random.ints(random.nextInt(items + 1), 0, items).distinct().toArray();
            }
            int minCount = 1 + random.nextInt(4);
            int maxLength = 1 + random.nextInt(4);
            Map<String, Integer> expected = bruteForce(baskets, items, minCount, maxLength);
            Map<String, Integer> actual = new TreeMap<>();
            for (FpGrowth.Itemset s : FpGrowth.mine(baskets, items, minCount, maxLength)) {
                Integer before = actual.put(Arrays.toString(s.items()), s.count());
                assertEquals(null, before, "itemset found twice: " + Arrays.toString(s.items()));
            }
            assertEquals(expected, actual, "seed " + seed + ", min count " + minCount + ", max length " + maxLength);
            Map<String, Integer> apriori = new TreeMap<>();
            Apriori.mine(baskets, items, minCount, maxLength).forEach(s -> apriori.put(Arrays.toString(s.items()), s.count()));
            assertEquals(expected, apriori, "the benchmark's peer, seed " + seed);
        }
    }

    /** Every subset of the items, counted over every basket. */
    private static Map<String, Integer> bruteForce(int[][] baskets, int items, int minCount, int maxLength) {
        Map<String, Integer> out = new TreeMap<>();
        for (int mask = 1; mask < 1 << items; mask++) {
            if (Integer.bitCount(mask) > maxLength) {
                continue;
            }
            int count = 0;
            for (int[] basket : baskets) {
                int have = 0;
                for (int i : basket) {
                    have |= 1 << i;
                }
                count += (have & mask) == mask ? 1 : 0;
            }
            if (count >= minCount) {
                int m = mask;
                out.put(Arrays.toString(java.util.stream.IntStream.range(0, items).filter(i -> ((m >> i) & 1) == 1).toArray()), count);
            }
        }
        return out;
    }

    @Test
    void rulesAreScoredByHand() {
        // 4 baskets: {0,1} twice, {0} once, {1,2} once
        List<FpGrowth.Itemset> sets = FpGrowth.mine(new int[][]{{0, 1}, {0, 1}, {0}, {1, 2}}, 3, 2, 2);
        List<AssociationRules.Rule> rules = AssociationRules.of(sets, 4, 0.0, 0.0);
        AssociationRules.Rule zeroThenOne = rules.stream().filter(r -> r.antecedent()[0] == 0).findFirst().orElseThrow();
        assertEquals(0.5, zeroThenOne.support(), 1e-12);
        assertEquals(2.0 / 3, zeroThenOne.confidence(), 1e-12);          // {0,1} in 2 of the 3 baskets with 0
        assertEquals((2.0 / 3) / (3.0 / 4), zeroThenOne.lift(), 1e-12);   // item 1 is in 3 of 4 baskets
    }

    @Test
    void thePlantedBundlesAreAmongTheTopRules() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(2000, 7)).run(JobContext.quiet());
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, data.resolve("events.csv"))).run(JobContext.quiet());
            RuleMining.Result result = new RuleMining(ws, 0.0005, 0.1, 3).run(JobContext.quiet());
            Set<String> planted = new HashSet<>();
            for (String line : Files.readAllLines(data.resolve("bundles.csv")).subList(1, Files.readAllLines(data.resolve("bundles.csv")).size())) {
                String[] ab = line.split(",");
                planted.add(ab[0] + ">" + ab[1]);
            }
            // each planted pair a, b is one bundle whichever way its rule points
            List<AssociationRules.Rule> top = result.rules().subList(0, Math.min(2 * planted.size(), result.rules().size()));
            Set<String> found = new HashSet<>();
            int plantedRules = 0;
            for (AssociationRules.Rule r : top) {
                if (r.antecedent().length == 1 && r.consequent().length == 1) {
                    long a = result.baskets().itemId(r.antecedent()[0]);
                    long b = result.baskets().itemId(r.consequent()[0]);
                    String pair = planted.contains(a + ">" + b) ? a + ">" + b : planted.contains(b + ">" + a) ? b + ">" + a : null;
                    if (pair != null) {
                        found.add(pair);
                        plantedRules++;
                    }
                }
            }
            System.out.printf("rules on generated shoppers: %d baskets, %d rules; the top %d rules hold %d of the %d planted "
                    + "bundles (%d of those rules are planted pairs)%n", result.baskets().baskets().length, result.rules().size(),
                    top.size(), found.size(), planted.size(), plantedRules);
            assertTrue(found.size() >= 0.8 * planted.size(), found.size() + " of " + planted.size() + " planted bundles in the top rules");
            assertTrue(plantedRules >= 0.8 * top.size(), plantedRules + " of the top " + top.size() + " rules are planted pairs");
        }
    }
}
