package io.igw.engine.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.generate.GeneratorOptions;
import io.igw.engine.generate.SampleGenerator;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.models.EvaluationStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol end to end on generated shoppers, whose interests are planted: learned models beat popularity. */
class EvaluationTest {
    @TempDir
    Path tmp;

    @Test
    void easeAndItemKnnBeatPopularityAndTheResultsAreStored() throws Exception {
        Path data = tmp.resolve("data");
        new SampleGenerator(data, GeneratorOptions.of(400, 21)).run(JobContext.quiet());
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            new WorkspaceImport(ws, ImportRequest.events(ImportFormat.TAOBAO, data.resolve("events.csv"))).run(JobContext.quiet());
            Evaluation.Report report = new Evaluation(ws, List.of("pop", "itemknn", "ease"), Split.Kind.RANDOM, 0.8, 20,
                    List.of(1L, 2L)).run(JobContext.quiet());
            double pop = report.results().get(0).mean().get("ndcg@20");
            double knn = report.results().get(1).mean().get("ndcg@20");
            double ease = report.results().get(2).mean().get("ndcg@20");
            System.out.printf("evaluation on generated data: ndcg@20 pop %.4f, itemknn %.4f, ease %.4f%n", pop, knn, ease);
            assertTrue(knn > pop && ease > pop, "pop " + pop + ", itemknn " + knn + ", ease " + ease);
            assertEquals(400, report.protocol().users());
            List<EvaluationStore.Stored> stored = new EvaluationStore(ws).list();
            assertEquals(3, stored.size());
            assertEquals("ease", stored.get(0).model());
            assertEquals("lambda=250.0", stored.get(0).parameters());
            assertTrue(stored.get(0).metrics().startsWith("{\"mean\":{\"recall@20\":"), stored.get(0).metrics());
            assertEquals("1,2", stored.get(0).seeds());
        }
    }
}
