package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequence model as the rest of the workbench uses it: stored, fine-tuned after an import with its lineage, its
 * interest vectors taken by lookalikes and prediction when it is the newest feature model, and its likely next
 * categories.
 */
class SequenceInTheWorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void storedContinuedAndUsedForVectorsAndLikelyNextCategories() throws Exception {
        Path first = tmp.resolve("first");
        Path later = tmp.resolve("later");
        new SampleGenerator(first, GeneratorOptions.of(80, 3)).run(JobContext.quiet());
        new SampleGenerator(later, GeneratorOptions.of(100, 4)).run(JobContext.quiet());
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(first.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, first.resolve("items.csv"), DatasetKind.CATEGORIES, first.resolve("categories.csv")),
                    "")).run(JobContext.quiet());
            ModelTraining.Result trained = new ModelTraining(ws, "sequence", 1, 2, e -> {
            }).run(JobContext.quiet());
            assertEquals(null, trained.continuedFrom());

            UserVectors vectors = UserVectors.latest(ws).orElseThrow();
            assertTrue(vectors.source().startsWith("sequence"), vectors.source());
            assertEquals(64, vectors.dimensions());
            long user = vectors.userIds()[0];
            LikelyNext.Result next = new LikelyNext(ws).of(user, 5).orElseThrow();
            assertEquals(5, next.categories().size());
            double sum = next.categories().values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(sum > 0 && sum <= 1.0001, "probabilities: " + next.categories());
            List<Double> p = List.copyOf(next.categories().values());
            for (int k = 1; k < p.size(); k++) {
                assertTrue(p.get(k) <= p.get(k - 1), "most likely first");
            }
            assertNotNull(UserVectors.encoder(ws).orElseThrow().encode(new long[]{1, 2}, new byte[]{1, 3}, new long[]{100, 200}));

            // new users and items arrive: continue from the stored model
            new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(later.resolve("events.csv")),
                    Map.of(DatasetKind.ITEMS, later.resolve("items.csv")), "")).run(JobContext.quiet());
            ModelTraining.Result tuned = new ModelTraining(ws, "sequence", 1, 2, e -> {
            }).continuing().run(JobContext.quiet());
            assertEquals(trained.modelId(), tuned.continuedFrom());
            RegisteredModel stored = new ModelRegistry(ws).find(tuned.modelId()).orElseThrow();
            assertEquals(trained.modelId(), stored.provenance().continuedFrom(), "the lineage is kept in the registry");
            assertTrue(tuned.users() > trained.users());
            assertFalse(tuned.curve().isEmpty());

            // a newer autoencoder becomes the source of user vectors
            new ModelTraining(ws, "autoencoder", 1, 1, e -> {
            }).run(JobContext.quiet());
            assertTrue(UserVectors.latest(ws).orElseThrow().source().startsWith("autoencoder"));
        }
    }
}
