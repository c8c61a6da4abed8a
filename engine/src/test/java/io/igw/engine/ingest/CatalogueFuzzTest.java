package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue files (items, categories, users, reviews) get what {@link ImportFuzzTest} gives the events: hundreds
 * of files of randomly damaged lines and hostile text each. Whatever the damage, no exception but a one-line
 * refusal of an unreadable file escapes, every line is accounted for (read = imported + duplicates + rejected),
 * and every rejected line is stored with its reason.
 */
class CatalogueFuzzTest {
    /** Text that has hurt someone somewhere: formulas, markup, direction overrides, zero-width characters. */
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "evil\u202Egnp.exe", "zero\u200Bwidth\uFEFF", "\u2066isolated\u2069",
            "挂耳咖啡\u200D", "tab\tand\rreturn", "\"quoted, with comma\"");
    static final int FILES_PER_KIND = 150;

    @TempDir
    Path tmp;

    private record Kind(DatasetKind kind, String header, BiFunction<Random, Integer, String> line) {
    }

    private static String hostile(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> HOSTILE.get(r.nextInt(HOSTILE.size()));
            case 1 -> "x".repeat(64 * 1024 + r.nextInt(100)); // a 64 KiB field
            default -> "plain " + r.nextInt(1000);
        };
    }

    private static String csv(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(DatasetKind.ITEMS, "item_id,title,category_id,brand,price,attributes\n", (r, i) ->
                    (1 + r.nextInt(300)) + "," + csv(hostile(r)) + "," + (1 + r.nextInt(20)) + "," + csv(hostile(r)) + ","
                            + (r.nextInt(10_000) / 100.0) + "," + csv("colour=" + hostile(r)) + "\n"),
            new Kind(DatasetKind.CATEGORIES, "category_id,parent_id,name,name_zh\n", (r, i) ->
                    (1 + r.nextInt(60)) + "," + (r.nextBoolean() ? "" : Integer.toString(1 + r.nextInt(10))) + "," + csv(hostile(r)) + ","
                            + csv(hostile(r)) + "\n"),
            new Kind(DatasetKind.USERS, "user_id,age,gender,city\n", (r, i) ->
                    (1 + r.nextInt(500)) + "," + (10 + r.nextInt(80)) + "," + (r.nextBoolean() ? "F" : "M") + "," + csv(hostile(r)) + "\n"),
            new Kind(DatasetKind.REVIEWS, "user_id,item_id,rating,text,timestamp\n", (r, i) ->
                    (1 + r.nextInt(500)) + "," + (1 + r.nextInt(300)) + "," + (1 + r.nextInt(5)) + "," + csv(hostile(r)) + ","
                            + (1_500_000_000L + r.nextInt(10_000_000)) + "\n"));

    @Test
    void everyCatalogueLineIsAccountedForWhateverTheDamage() throws Exception {
        Random random = new Random(18);
        Map<DatasetKind, int[]> tally = new EnumMap<>(DatasetKind.class);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            for (int f = 0; f < FILES_PER_KIND; f++) {
                for (Kind k : KINDS) {
                    Path file = tmp.resolve(k.kind().label() + "-" + f + ".csv");
                    Files.write(file, damagedFile(random, k));
                    int[] t = tally.computeIfAbsent(k.kind(), x -> new int[4]);
                    t[0]++;
                    FileImportResult r;
                    try {
                        r = new WorkspaceImport(ws, new ImportRequest(ImportFormat.TAOBAO, List.of(), Map.of(k.kind(), file), ""))
                                .run(TestJobs.quiet()).files().get(0);
                    } catch (ImportException refused) {
                        assertNotNull(refused.getMessage());
                        assertTrue(refused.getMessage().length() < 600 && !refused.getMessage().contains("\n\tat "), refused.getMessage());
                        t[3]++;
                        continue;
                    }
                    assertEquals(r.read(), r.imported() + r.duplicates() + r.rejected(), file + ": every line accounted for");
                    if (r.alreadyImportedAs() == null) {
                        assertEquals(r.rejected(), WorkspaceProbe.count(ws,
                                "SELECT COUNT(*) FROM rejected_rows WHERE dataset_id = " + r.datasetId()), file + ": every reject kept");
                    }
                    t[1] += (int) r.read();
                    t[2] += (int) r.rejected();
                }
            }
        }
        tally.forEach((kind, t) -> System.out.printf("fuzzed %s: %d files, %,d lines read, %,d rejected with a reason, %d files refused%n",
                kind.label(), t[0], t[1], t[2], t[3]));
    }

    private static byte[] damagedFile(Random random, Kind k) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = k.header().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(random.nextDouble() < 0.05 ? ImportFuzzTest.mutate(header, random) : header);
        int lines = 5 + random.nextInt(25);
        for (int i = 0; i < lines; i++) {
            byte[] line = k.line().apply(random, i).getBytes(StandardCharsets.UTF_8);
            if (random.nextDouble() < 0.4) {
                line = ImportFuzzTest.mutate(line, random);
            }
            if (random.nextDouble() < 0.05) {
                line = new byte[]{(byte) 0xC3, (byte) 0x28, ',', (byte) 0xFF, '\n'}; // invalid UTF-8
            }
            out.writeBytes(line);
        }
        return out.toByteArray();
    }
}
