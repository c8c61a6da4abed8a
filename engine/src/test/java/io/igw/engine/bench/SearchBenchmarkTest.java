package io.igw.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.JobContext;
import io.igw.engine.text.TextEncoder;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search benchmark reads its queries, checks them against the titles and scores both searchers. */
class SearchBenchmarkTest {
    private static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir
    Path tmp;

    /** Texts that share a character share a direction: enough to tell the benchmark's plumbing works. */
    private static final TextEncoder CHARACTERS = new TextEncoder() {
        @Override
        public String model() {
            return "characters";
        }

        @Override
        public int dimensions() {
            return 64;
        }

        @Override
        public float[][] encode(List<String> texts) {
            float[][] out = new float[texts.size()][64];
            for (int t = 0; t < texts.size(); t++) {
                double norm = 0;
                for (char c : texts.get(t).toCharArray()) {
                    out[t][c % 64] += 1;
                }
                for (float x : out[t]) {
                    norm += x * x;
                }
                for (int i = 0; i < 64 && norm > 0; i++) {
                    out[t][i] /= (float) Math.sqrt(norm);
                }
            }
            return out;
        }
    };

    @Test
    void theBundledQueriesUseNoTitleWordsAndTfIdfFindsNothingForThem() throws Exception {
        try (Workspace ws = workspace()) {
            Map<String, Object> out = new SearchBenchmark(ws, CHARACTERS, null).run(JobContext.quiet());
            assertEquals(60, out.get("queries"));
            assertEquals(List.of(), out.get("queries_with_title_words"), "every bundled query avoids the titles' words");
            assertEquals(0.0, out.get("tfidf_precision@10"), "TF-IDF cannot match a query that shares no word");
            double p = (double) out.get("encoder_precision@10");
            assertTrue(p >= 0 && p <= 1);
        }
    }

    @Test
    void aQueryInTheTitlesWordsIsListedAndAnUnknownLeafRefused() throws Exception {
        try (Workspace ws = workspace()) {
            Path queries = tmp.resolve("q.tsv");
            Files.writeString(queries, "# test\nHiking\ten\thiking boots\n");
            Map<String, Object> out = new SearchBenchmark(ws, CHARACTERS, queries).run(JobContext.quiet());
            assertEquals(List.of("hiking boots"), out.get("queries_with_title_words"));
            assertTrue((double) out.get("tfidf_precision@10") > 0.5, "TF-IDF finds the spelled words: " + out);
            Files.writeString(queries, "Skiing\ten\tskis\n");
            assertThrows(InvalidSetting.class, () -> new SearchBenchmark(ws, CHARACTERS, queries).run(JobContext.quiet()));
        }
    }

    private Workspace workspace() throws Exception {
        Workspace ws = Workspace.open(tmp.resolve("ws"), true);
        new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(),
                Map.of(DatasetKind.ITEMS, SAMPLE.resolve("items.csv"), DatasetKind.CATEGORIES, SAMPLE.resolve("categories.csv")),
                "")).run(JobContext.quiet());
        return ws;
    }
}
