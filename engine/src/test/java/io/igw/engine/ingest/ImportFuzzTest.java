package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.igw.storage.Workspace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds hundreds of files of randomly damaged lines through the importer: whatever the damage, no exception
 * escapes, every line is accounted for, and what was counted is what was stored.
 */
class ImportFuzzTest {
    private static final byte[] NASTY = {0, 1, '\n', '\r', '"', ',', ';', '\t', (byte) 0xC3, (byte) 0xFF, '-', ' ', 'x', '9'};

    @TempDir
    Path tmp;

    @Test
    void countsAlwaysAddUpWhateverTheDamage() throws Exception {
        Random random = new Random(20261129);
        for (int round = 0; round < 10; round++) {
            fuzzOneWorkspace(random, round);
        }
    }

    /** Thirty damaged files into one fresh workspace, checking after each that the counts add up. */
    private void fuzzOneWorkspace(Random random, int round) throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws-" + round), true)) {
            long eventsBefore = 0;
            for (int f = round * 30; f < round * 30 + 30; f++) {
                ImportFormat format = f % 3 == 0 ? ImportFormat.RETAILROCKET : ImportFormat.TAOBAO;
                Path file = tmp.resolve("fuzz-" + f + ".csv");
                Files.write(file, damagedFile(random, format));
                FileImportResult r;
                try {
                    r = TestJobs.importOne(ws, format, file);
                } catch (ImportException headerUnreadable) {
                    assertNotNull(headerUnreadable.getMessage());
                    assertEquals(eventsBefore, WorkspaceProbe.events(ws), "a refused file adds nothing");
                    continue;
                }
                assertEquals(r.read(), r.imported() + r.duplicates() + r.rejected(), file.toString());
                if (r.alreadyImportedAs() == null) {
                    assertEquals(r.rejected(), WorkspaceProbe.count(ws,
                            "SELECT COUNT(*) FROM rejected_rows WHERE dataset_id = " + r.datasetId()));
                    eventsBefore += r.imported();
                }
                assertEquals(eventsBefore, WorkspaceProbe.events(ws), file.toString());
            }
        }
    }

    private static byte[] damagedFile(Random random, ImportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == ImportFormat.RETAILROCKET) {
            out.writeBytes("timestamp,visitorid,event,itemid,transactionid\n".getBytes(StandardCharsets.UTF_8));
        }
        int lines = 20 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            byte[] line = validLine(random, format).getBytes(StandardCharsets.UTF_8);
            if (random.nextDouble() < 0.5) {
                line = mutate(line, random);
            }
            out.writeBytes(line);
            if (random.nextDouble() < 0.1) {
                out.writeBytes(line); // an exact repeat
            }
        }
        return out.toByteArray();
    }

    private static String validLine(Random r, ImportFormat format) {
        long user = 1 + r.nextInt(50);
        long item = 1 + r.nextInt(200);
        long t = 1_500_000_000L + r.nextInt(10_000_000);
        if (format == ImportFormat.RETAILROCKET) {
            String[] events = {"view", "addtocart", "transaction"};
            String event = events[r.nextInt(3)];
            return (t * 1000) + "," + user + "," + event + "," + item + "," + (event.equals("transaction") ? r.nextInt(99) : "") + "\n";
        }
        String[] behaviours = {"pv", "fav", "cart", "buy"};
        return user + "," + item + "," + (1 + r.nextInt(9)) + "," + behaviours[r.nextInt(4)] + "," + t + "\n";
    }

    static byte[] mutate(byte[] line, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int kind = r.nextInt(6);
        int at = r.nextInt(line.length);
        switch (kind) {
            case 0 -> { // drop a byte
                out.write(line, 0, at);
                out.write(line, at + 1, line.length - at - 1);
            }
            case 1 -> { // insert a nasty byte
                out.write(line, 0, at);
                out.write(NASTY[r.nextInt(NASTY.length)]);
                out.write(line, at, line.length - at);
            }
            case 2 -> { // truncate
                out.write(line, 0, at);
                out.write('\n');
            }
            case 3 -> { // a run of garbage
                out.write(line, 0, at);
                for (int i = 0; i < 1 + r.nextInt(30); i++) {
                    out.write(r.nextInt(256));
                }
                out.write(line, at, line.length - at);
            }
            case 4 -> { // overlong
                out.write(line, 0, at);
                out.writeBytes("7".repeat(70_000 + r.nextInt(1000)).getBytes(StandardCharsets.US_ASCII));
                out.write(line, at, line.length - at);
            }
            default -> { // replace a byte
                byte[] copy = line.clone();
                copy[at] = NASTY[r.nextInt(NASTY.length)];
                out.writeBytes(copy);
            }
        }
        return out.toByteArray();
    }
}
