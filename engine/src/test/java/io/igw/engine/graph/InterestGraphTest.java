package io.igw.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import io.igw.engine.graph.Evidence;
import io.igw.storage.graph.GraphStore;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.Interest;
import io.igw.engine.graph.InterestGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interest graph against the generator's planted truth (issue #3's first acceptance figure). */
class InterestGraphTest {
    private static final JobContext QUIET = JobContext.quiet();

    @TempDir
    static Path tmp;

    private static Workspace workspace;
    private static GraphBuildSummary summary;
    private static InterestGraph graph;

    @BeforeAll
    static void buildGraph() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(5000, 7)).run(QUIET);
        workspace = Workspace.open(tmp.resolve("ws"), true);
        new WorkspaceImport(workspace, new ImportRequest(ImportFormat.TAOBAO, List.of(data.resolve("events.csv")),
                Map.of(DatasetKind.ITEMS, data.resolve("items.csv"), DatasetKind.CATEGORIES, data.resolve("categories.csv")),
                "")).run(QUIET);
        summary = InterestGraphBuilder.full(workspace, GraphParameters.defaults()).run(QUIET);
        GraphStore store = new GraphStore(workspace);
        graph = InterestGraph.open(workspace, store.find(summary.buildId()).orElseThrow());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void topThreeCategoriesRecoverThePlantedInterests() throws Exception {
        Path data = tmp.resolve("data");
        Map<Long, Integer> events = new HashMap<>();
        for (String line : Files.readAllLines(data.resolve("events.csv"))) {
            events.merge(Long.parseLong(line.substring(0, line.indexOf(','))), 1, Integer::sum);
        }
        double sum = 0;
        int users = 0;
        List<String> truth = Files.readAllLines(data.resolve("truth.csv"));
        for (String line : truth.subList(1, truth.size())) {
            String[] f = line.split(",");
            long user = Long.parseLong(f[0]);
            if (events.getOrDefault(user, 0) < 20) {
                continue;
            }
            Set<String> planted = new HashSet<>(List.of(f[1].split(";")));
            List<Interest> top = graph.interests(user, GraphKind.CATEGORY);
            int hits = 0;
            for (int k = 0; k < Math.min(3, top.size()); k++) {
                hits += planted.contains(top.get(k).target()) ? 1 : 0;
            }
            sum += (double) hits / Math.min(3, planted.size());
            users++;
        }
        double precision = sum / users;
        System.out.printf("interest graph: mean precision@3 %.4f over %d users with >= 20 events%n", precision, users);
        assertTrue(users > 3000, "users with at least 20 events: " + users);
        assertTrue(precision >= 0.9, "mean precision@3 " + precision);
    }

    @Test
    void sharesSumToOnePerUserAndKindBeforePruning() {
        List<Interest> categories = graph.interests(1, GraphKind.CATEGORY);
        double total = categories.stream().mapToDouble(Interest::score).sum();
        assertTrue(total > 0.9 && total <= 1.0001, "shares of user 1: " + total);
        for (int k = 1; k < categories.size(); k++) {
            assertTrue(categories.get(k - 1).score() >= categories.get(k).score(), "strongest first");
        }
        assertEquals(Set.of("user_category", "user_brand", "user_item", "user_tag", "item_item", "category_category"),
                summary.edges().keySet());
    }

    @Test
    void usersTopTagsAreWordsOfTheirTopCategorysProducts() throws Exception {
        Map<String, Set<String>> words = new HashMap<>();
        io.igw.engine.tags.TitleTokenizer tokenizer = new io.igw.engine.tags.TitleTokenizer();
        List<String> items = Files.readAllLines(tmp.resolve("data").resolve("items.csv"));
        for (String line : items.subList(1, items.size())) {
            String[] f = line.split(",");
            // titles may hold quoted commas, so count from the end: ..., category_id, brand, price, attributes
            words.computeIfAbsent(f[f.length - 4], k -> new HashSet<>()).addAll(tokenizer.tokens(f[1]));
        }
        int agree = 0;
        int users = 0;
        for (long user = 1; user <= 500; user++) {
            List<Interest> categories = graph.interests(user, GraphKind.CATEGORY);
            List<Interest> tags = graph.interests(user, GraphKind.TAG);
            if (categories.isEmpty() || tags.isEmpty()) {
                continue;
            }
            users++;
            agree += words.getOrDefault(categories.get(0).target(), Set.of()).contains(tags.get(0).target()) ? 1 : 0;
        }
        System.out.printf("interest graph: top tag is a word of the top category's products for %d of %d users%n", agree, users);
        assertTrue(agree >= 0.8 * users, agree + " of " + users);
    }

    @Test
    void everyInterestShowsTheEventsBehindIt() {
        Interest top = graph.interests(2, GraphKind.CATEGORY).get(0);
        List<Evidence> evidence = graph.evidence(2).get("category:" + top.target());
        assertFalse(evidence.isEmpty());
        assertTrue(evidence.size() <= 3);
        assertTrue(evidence.stream().allMatch(e -> e.weight() > 0 && e.eventTime() <= summary.asOf()));
    }

    @Test
    void communitiesGatherUsersOfOneDepartmentAndAreLabelledByIt() {
        InterestCommunities.Result r = new InterestCommunities(workspace).run(QUIET);
        assertEquals(5000, r.communities().stream().mapToInt(InterestCommunities.Community::users).sum());
        assertTrue(r.modularity() > 0.3, "modularity " + r.modularity());
        List<InterestCommunities.Community> largest = r.communities().subList(0, 5);
        int oneDepartment = 0;
        for (InterestCommunities.Community c : largest) {
            assertTrue(c.users() >= 100, "a large community has " + c.users() + " users");
            assertEquals(3, c.categories().size());
            assertFalse(c.tags().isEmpty());
            // the generator numbers leaf categories under their department: 101-106 are Sports, 201-206 Electronics...
            Set<Long> departments = new HashSet<>();
            c.categories().forEach(l -> departments.add(Long.parseLong(l.id()) / 100));
            oneDepartment += departments.size() == 1 ? 1 : 0;
        }
        System.out.printf("communities: %d, modularity %.3f, largest %d users%n", r.communities().size(), r.modularity(),
                largest.get(0).users());
        assertTrue(oneDepartment >= 4, oneDepartment + " of the 5 largest communities are one department");
        InterestCommunities.Result again = new InterestCommunities(workspace).run(QUIET);
        assertEquals(r.communities(), again.communities(), "kept with the build and read back the same");
    }

    @Test
    void aUsersMostSimilarUsersShareTheirTopCategory() {
        int agree = 0;
        for (long user = 1; user <= 50; user++) {
            List<InterestGraph.Link> similar = graph.similarUsers(user, 5);
            assertEquals(5, similar.size());
            assertTrue(similar.get(0).strength() >= similar.get(4).strength(), "most similar first");
            String top = graph.interests(user, GraphKind.CATEGORY).get(0).target();
            long neighbour = Long.parseLong(similar.get(0).id());
            agree += graph.interests(neighbour, GraphKind.CATEGORY).stream().anyMatch(i -> i.target().equals(top)) ? 1 : 0;
        }
        assertTrue(agree >= 45, agree + " of 50 users share their top category with their most similar user");
    }
}
