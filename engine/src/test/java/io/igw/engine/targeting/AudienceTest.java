package io.igw.engine.targeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.activity.ActivityLog;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.catalog.UserAttributes;
import io.igw.storage.datasets.DatasetKind;
import io.igw.engine.graph.GraphKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audiences from planted interests, and the CSV an ad platform gets. */
class AudienceTest {
    @TempDir
    Path tmp;

    @Test
    void aLeafCategorysAudienceOfThePlantedSizeFindsThePlantedUsers() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(5000, 7)).run(JobContext.quiet());
        Map<String, Set<Long>> planted = new HashMap<>();
        List<String> truthLines = Files.readAllLines(data.resolve("truth.csv"));
        for (String line : truthLines.subList(1, truthLines.size())) {
            String[] f = line.split(",");
            for (String category : f[1].split(";")) {
                planted.computeIfAbsent(category, c -> new HashSet<>()).add(Long.parseLong(f[0]));
            }
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv"),
                            DatasetKind.USERS, data.resolve("users.csv")), "")).run(JobContext.quiet());
            AudienceBuilder builder = new AudienceBuilder(ActivityLog.load(ws), UserAttributes.load(ws), null);
            String leaf = planted.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                    .orElseThrow().getKey();
            Set<Long> truth = planted.get(leaf);
            AudienceSpec spec = AudienceSpec.of(List.of(new Target(GraphKind.CATEGORY, leaf)));
            AudienceBuilder.Audience audience = builder.build(spec.withSize(truth.size()));
            long hits = audience.members().stream().filter(m -> truth.contains(m.userId())).count();
            double precision = (double) hits / audience.members().size();
            System.out.printf("audience for category %s: %d planted users, precision %.3f (%d eligible of %d)%n", leaf,
                    truth.size(), precision, audience.eligible(), audience.totalUsers());
            assertEquals(truth.size(), audience.members().size());
            assertTrue(precision >= 0.85, "precision " + precision);
            List<Double> everyLeaf = new java.util.ArrayList<>();
            planted.forEach((category, users) -> {
                AudienceBuilder.Audience a = builder.build(AudienceSpec.of(List.of(new Target(GraphKind.CATEGORY, category)))
                        .withSize(users.size()));
                everyLeaf.add((double) a.members().stream().filter(m -> users.contains(m.userId())).count() / a.size());
            });
            java.util.Collections.sort(everyLeaf);
            System.out.printf("precision at the planted size over all %d leaves: median %.3f, lowest %.3f, highest %.3f%n",
                    everyLeaf.size(), everyLeaf.get(everyLeaf.size() / 2), everyLeaf.get(0), everyLeaf.get(everyLeaf.size() - 1));
            assertTrue(audience.members().get(0).reason().startsWith("category "), audience.members().get(0).reason());
            assertEquals(audience.eligible(), audience.reach().get(0).size(), "threshold 0 keeps everyone with a score");
            for (int k = 1; k < audience.reach().size(); k++) {
                assertTrue(audience.reach().get(k).size() <= audience.reach().get(k - 1).size(), "reach falls as the threshold rises");
            }

            String other = planted.keySet().stream().filter(c -> !c.equals(leaf)).findFirst().orElseThrow();
            AudienceBuilder.Audience without = builder.build(new AudienceSpec(spec.include(),
                    List.of(new Target(GraphKind.CATEGORY, other)), List.of(), Demographics.ANYONE, null, 0.2));
            assertTrue(without.members().stream().allMatch(m -> m.score() >= 0.2));
            assertTrue(without.eligible() < audience.eligible(), "excluding " + other + " removes its users");

            AudienceBuilder.Audience buyersOver40 = builder.build(new AudienceSpec(spec.include(), List.of(),
                    List.of(BehaviourRule.parse("buy:35", true)), Demographics.parse("40-", List.of(), List.of()), null, null));
            assertTrue(buyersOver40.size() > 0 && buyersOver40.size() < audience.eligible(), "" + buyersOver40.size());
            UserAttributes people = UserAttributes.load(ws);
            assertTrue(buyersOver40.members().stream().allMatch(m -> people.of(m.userId()).age() >= 40));

            String parent = leaf.substring(0, leaf.length() - 2);
            AudienceBuilder.Audience nested = builder.build(AudienceSpec.of(List.of(new Target(GraphKind.CATEGORY, leaf),
                    new Target(GraphKind.CATEGORY, parent))));
            AudienceBuilder.Audience parentOnly = builder.build(AudienceSpec.of(List.of(new Target(GraphKind.CATEGORY, parent))));
            assertEquals(parentOnly.members(), nested.members().stream().map(m -> new AudienceBuilder.Member(m.userId(), m.score(),
                    parentOnly.members().get(nested.members().indexOf(m)).reason())).toList(),
                    "a leaf and its parent count each session once: the same users with the parent's scores");
            assertTrue(nested.members().get(0).reason().startsWith("any target: "), nested.members().get(0).reason());

            ExpectedLift.Result lift = ExpectedLift.measure(builder, spec.withSize(truth.size()), truth.size(), 7, 1);
            System.out.printf("expected lift %.2f [%.2f, %.2f]: %d/%d against %d/%d%n", lift.lift(), lift.low(), lift.high(),
                    lift.audienceConversions(), lift.audienceSize(), lift.randomConversions(), lift.randomSize());
            assertTrue(lift.low() > 1, "the audience converts more than random users: " + lift);

            AudienceBuilder.Audience top100 = builder.build(spec.withSize(100));
            Lookalikes.Result lookalikes = Lookalikes.expand(builder, top100, 2, null);
            assertEquals(100, lookalikes.members().size(), "2% of 5000 users");
            Set<Long> seed = new HashSet<>();
            top100.members().forEach(m -> seed.add(m.userId()));
            assertTrue(lookalikes.members().stream().noneMatch(m -> seed.contains(m.userId())), "the seed is excluded");
            long alike = lookalikes.members().stream().filter(m -> truth.contains(m.userId())).count();
            System.out.printf("lookalikes of the top 100: %d of %d have the planted interest (%.1f%% of all users do)%n",
                    alike, lookalikes.members().size(), 100.0 * truth.size() / audience.totalUsers());
            assertTrue(alike >= 3 * 100 * truth.size() / audience.totalUsers(), "lookalikes share the seed's interest far more often than users at large: " + alike);

            List<Overlap.Pair> overlap = Overlap.of(List.of(audience.members(), without.members(), top100.members()));
            assertEquals(3, overlap.size());
            assertEquals(without.size(), overlap.get(0).both(), "everyone in the narrower audience is in the wider one");
            assertEquals(100, overlap.get(1).both(), "the top 100 are in the audience");
            assertEquals(100.0 / audience.size(), overlap.get(1).shareOfA(), 1e-9);
            assertEquals((double) without.size() / audience.size(), overlap.get(0).jaccard(), 1e-9);

            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () ->
                    builder.build(AudienceSpec.of(List.of(Target.parse("tag:no-such-tag", "--target")))));
            assertTrue(unknown.getMessage().startsWith("No event in this workspace touches tag:no-such-tag"), unknown.getMessage());
        }
    }

    @Test
    void csvCellsAreSafeInASpreadsheetAndIdsHashAsPlatformsExpect() throws Exception {
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\""), AudienceCsv.cell("=HYPERLINK(\"x\")").substring(1, AudienceCsv.cell("=HYPERLINK(\"x\")").length() - 1));
        assertEquals("'+1", AudienceCsv.cell("+1"));
        assertEquals("'-2", AudienceCsv.cell("-2"));
        assertEquals("'@SUM(A1)", AudienceCsv.cell("@SUM(A1)"));
        assertEquals("\"a, b\"", AudienceCsv.cell("a, b"));
        assertEquals("plain", AudienceCsv.cell("plain"));
        assertEquals("6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b", AdIdentifiers.hashed("1"));

        Path file = tmp.resolve("audience.csv");
        AudienceCsv.write(file, List.of(new AudienceBuilder.Member(1, 0.5, "=cmd|' /C calc'!A0"),
                new AudienceBuilder.Member(2, 0.25, "category Wine 25%")), new AudienceCsv.Privacy(true, 2));
        List<String> lines = Files.readAllLines(file);
        assertEquals("user_id,score,reason", lines.get(0));
        assertEquals("6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b,0.500000,'=cmd|' /C calc'!A0", lines.get(1));
        assertTrue(lines.get(2).endsWith(",0.250000,category Wine 25%"), lines.get(2));
        assertThrows(IllegalArgumentException.class, () -> AudienceCsv.write(tmp.resolve("missing/x.csv"), List.of(),
                new AudienceCsv.Privacy(false, 1)));
    }
}
