package io.igw.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.engine.linalg.Vectors;
import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.ingest.ImportFormat;
import io.igw.engine.ingest.ImportRequest;
import io.igw.engine.ingest.WorkspaceImport;
import io.igw.engine.task.CancelledException;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's vectors: encoded once per catalogue version, only new or changed titles again, by which model. */
class CatalogueEncodingTest {
    private static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir
    Path tmp;

    /** Counts what it is asked to encode; a text's vector is a hash of its characters, so equal texts match. */
    static final class CountingEncoder implements TextEncoder {
        final String model;
        int encoded;

        CountingEncoder(String model) {
            this.model = model;
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public int dimensions() {
            return 8;
        }

        @Override
        public float[][] encode(List<String> texts) {
            encoded += texts.size();
            float[][] out = new float[texts.size()][8];
            for (int t = 0; t < texts.size(); t++) {
                for (char c : (texts.get(t) == null ? "" : texts.get(t)).toCharArray()) {
                    out[t][c % 8] += 1;
                }
                Vectors.unit(out[t]);
            }
            return out;
        }
    }

    @Test
    void aSecondRunEncodesNothingAndANewCatalogueOnlyWhatChanged() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            importItems(ws, SAMPLE.resolve("items.csv"));
            CountingEncoder encoder = new CountingEncoder("counting-1");
            CatalogueEncoding.Result first = new CatalogueEncoding(ws, encoder).run(JobContext.quiet());
            assertTrue(first.items() > 3000, "the sample catalogue's items: " + first.items());
            assertEquals(first.items(), first.itemsEncoded());
            assertTrue(first.tags() > 100 && first.tagsEncoded() == first.tags(), "tags: " + first);
            int afterFirst = encoder.encoded;

            CatalogueEncoding.Result again = new CatalogueEncoding(ws, encoder).run(JobContext.quiet());
            assertEquals(afterFirst, encoder.encoded, "an unchanged catalogue encodes nothing");
            assertEquals(first.items(), again.itemsReused());

            // a new catalogue file: one changed title, one new item, the rest as before
            List<String> lines = Files.readAllLines(SAMPLE.resolve("items.csv"));
            List<String> changed = new ArrayList<>(lines);
            String[] second = changed.get(1).split(",", 2);
            changed.set(1, second[0] + ",Renamed " + second[1]);
            changed.add("99999999," + lines.get(2).split(",", 2)[1]);
            Path newer = tmp.resolve("items2.csv");
            Files.write(newer, changed);
            importItems(ws, newer);
            CatalogueEncoding.Result third = new CatalogueEncoding(ws, encoder).run(JobContext.quiet());
            assertFalse(third.catalogueVersion().equals(first.catalogueVersion()), "a new catalogue version");
            assertEquals(first.items() + 1, third.items());
            assertEquals(2, third.itemsEncoded(), "only the changed and the new item are encoded again: " + third);
            TextVectors stored = CatalogueEncoding.itemVectors(ws).orElseThrow();
            assertEquals("counting-1", stored.model(), "the vectors say which model made them");
            assertEquals(third.catalogueVersion(), stored.version());
            assertTrue(stored.vector(99999999L).isPresent());

            CatalogueEncoding.Result otherModel = new CatalogueEncoding(ws, new CountingEncoder("counting-2")).run(JobContext.quiet());
            assertEquals(otherModel.items(), otherModel.itemsEncoded(), "another model's vectors are never reused");
        }
    }

    @Test
    void aCancelledRunKeepsTheEarlierVectors() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            importItems(ws, SAMPLE.resolve("items.csv"));
            new CatalogueEncoding(ws, new CountingEncoder("counting-1")).run(JobContext.quiet());
            JobContext cancelled = new JobContext() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class,
                    () -> new CatalogueEncoding(ws, new CountingEncoder("counting-2")).run(cancelled));
            assertEquals("counting-1", CatalogueEncoding.itemVectors(ws).orElseThrow().model());
        }
    }

    @Test
    void searchFindsTheClosestItemsAndTagsAndRefusesAnEmptyQuery() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            importItems(ws, SAMPLE.resolve("items.csv"));
            CountingEncoder encoder = new CountingEncoder("counting-1");
            // nothing encoded yet: the search encodes the catalogue first
            TextSearch.Result items = new TextSearch(ws, encoder, "咖啡", TextSearch.Kind.ITEM, 5).run(JobContext.quiet());
            assertEquals(5, items.hits().size());
            for (int h = 1; h < items.hits().size(); h++) {
                assertTrue(items.hits().get(h - 1).similarity() >= items.hits().get(h).similarity(), "closest first");
            }
            assertTrue(CatalogueEncoding.itemVectors(ws).isPresent());
            TextSearch.Result tags = new TextSearch(ws, encoder, "咖啡", TextSearch.Kind.TAG, 3).run(JobContext.quiet());
            assertTrue(tags.hits().stream().allMatch(h -> !h.label().isEmpty()), "tags come back by name: " + tags);
            assertThrows(InvalidSetting.class, () -> new TextSearch(ws, encoder, "  ", TextSearch.Kind.ITEM, 5));
            assertThrows(InvalidSetting.class, () -> TextSearch.Kind.named("shoes"));
        }
    }

    private static void importItems(Workspace ws, Path items) throws Exception {
        new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(),
                Map.of(DatasetKind.ITEMS, items, DatasetKind.CATEGORIES, SAMPLE.resolve("categories.csv")), "")).run(JobContext.quiet());
    }
}
