package io.igw.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igw.engine.graph.InterestGraph;
import io.igw.engine.recommenders.ModelRegistry;
import io.igw.engine.recommenders.RegisteredModel;
import io.igw.engine.recommenders.Recommendations;
import io.igw.engine.recommenders.SimilarItems;
import io.igw.engine.recommenders.SimilarUsers;
import io.igw.engine.recommenders.StoredModel;
import io.igw.storage.Workspace;
import io.igw.engine.graph.GraphKind;
import io.igw.engine.graph.Interest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace written by release 0.1.0 (before models carried their provenance; see the README beside it) opens
 * with this code, is migrated, and gives the same answers that release gave: each stored model's recommendations
 * (ids, and scores to the four decimals the CLI printed), users' category interests, similar items and users.
 */
class OldWorkspaceTest {
    private static final Path RELEASE = Path.of("src/test/resources/workspaces/release-0.1.0");

    @TempDir
    static Path tmp;
    static Path folder;
    static JsonNode expected;

    @BeforeAll
    static void copyTheOldWorkspace() throws IOException {
        folder = tmp.resolve("workspace");
        copy(RELEASE.resolve("workspace"), folder);
        expected = new ObjectMapper().readTree(RELEASE.resolve("expected.json").toFile());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void itsModelsLoadWithProvenanceMadeByTheMigration() {
        try (Workspace ws = Workspace.open(folder, false)) {
            List<RegisteredModel> models = new ModelRegistry(ws).list();
            assertEquals(List.of("autoencoder", "deepwalk", "itemknn", "pop"), models.stream().map(RegisteredModel::model).toList());
            RegisteredModel knn = models.get(2);
            assertEquals("neighbours=100,shrink=10.0", knn.provenance().settings());
            assertEquals(4, knn.provenance().seed());
            assertEquals("datasets 4", knn.provenance().dataVersion());
            assertTrue(knn.provenance().libraries().get("recorded").startsWith("no"), knn.provenance().libraries().toString());
            RegisteredModel ae = models.get(0);
            assertEquals(2, ae.curve().size(), "the curve kept in its own column");
            assertEquals(2, ae.epochs());
        }
    }

    @Test
    void everyStoredModelRecommendsWhatTheOldReleaseDid() {
        try (Workspace ws = Workspace.open(folder, false)) {
            Recommendations recommendations = new Recommendations(ws);
            int compared = 0;
            for (String model : List.of("pop", "itemknn", "deepwalk", "autoencoder")) {
                StoredModel stored = StoredModel.load(ws, null, model);
                for (long user = 1; user <= 3; user++) {
                    List<Recommendations.Recommended> top = recommendations.forUser(stored, user, 5);
                    JsonNode want = expected.path("recommendations").path(model + ":" + user);
                    assertEquals(ids(want), top.stream().map(Recommendations.Recommended::itemId).toList(), model + " for " + user);
                    for (int k = 0; k < top.size(); k++) {
                        assertEquals(want.get(k).get(1).asDouble(), top.get(k).score(), 5e-5, model + " for " + user + " at " + k);
                    }
                    compared++;
                }
            }
            assertEquals(12, compared);
        }
    }

    @Test
    void itsGraphGivesTheSameInterests() {
        try (Workspace ws = Workspace.open(folder, false)) {
            InterestGraph graph = InterestGraph.latest(ws).orElseThrow();
            for (long user = 1; user <= 3; user++) {
                List<Interest> interests = graph.interests(user, GraphKind.CATEGORY);
                JsonNode want = expected.path("interests").path(String.valueOf(user));
                List<Long> got = interests.stream().limit(3).map(i -> Long.parseLong(i.target())).toList();
                assertEquals(ids(want), got, "user " + user);
                for (int k = 0; k < want.size(); k++) {
                    assertEquals(want.get(k).get(1).asDouble(), interests.get(k).score(), 5e-5);
                }
            }
        }
    }

    @Test
    void similarItemsAndUsersAreTheSame() throws Exception {
        try (Workspace ws = Workspace.open(folder, false)) {
            SimilarItems.Result items = new SimilarItems(ws).of(363, 5, "deepwalk");
            assertEquals(ids(expected.path("similar").path("items:363")), items.similar().stream().map(SimilarItems.Similar::itemId).toList());
            SimilarUsers.Result users = new SimilarUsers(ws).of(1, 5);
            assertEquals(ids(expected.path("similar").path("users:1")), users.similar().stream().map(SimilarUsers.Similar::userId).toList());
            assertTrue(users.source().startsWith("autoencoder"), users.source());
        }
    }

    private static List<Long> ids(JsonNode pairs) {
        List<Long> out = new ArrayList<>();
        pairs.forEach(p -> out.add(p.get(0).asLong()));
        return out;
    }
}
