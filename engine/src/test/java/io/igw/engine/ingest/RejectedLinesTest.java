package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.storage.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedLinesTest {
    @TempDir
    Path tmp;

    @Test
    void everyKindOfBadLineIsRejectedWithItsLineNumberAndReason() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "1,100,10,pv,1511544070\n");                 // 1 good
        write(out, "2,200,20,buy,1511544071\r\n");              // 2 good, CRLF
        write(out, "1,100,10,pv,1511544070\n");                 // 3 exact duplicate of line 1
        write(out, "1,100,10\n");                               // 4 wrong field count
        write(out, "abc,100,10,pv,1511544070\n");               // 5 non-numeric id
        write(out, "1,100,10,click,1511544070\n");              // 6 unknown behaviour
        write(out, "1,100,10,pv,99999999999\n");                // 7 timestamp outside the plausible range
        write(out, "1,,10,pv,1511544070\n");                    // 8 empty field
        out.write(new byte[]{'1', ',', '1', 0, 2, (byte) 0xff, ',', '1', ',', 'p', 'v', ',', '1', '\n'}); // 9 binary
        write(out, "1,100,10,pv,1" + "0".repeat(70_000) + "\n"); // 10 absurdly long
        write(out, "3,300,30,cart,1511544072\n");               // 11 good
        Path file = tmp.resolve("bad.csv");
        Files.write(file, out.toByteArray());

        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            FileImportResult r = TestJobs.importOne(ws, ImportFormat.TAOBAO, file);

            assertEquals(11, r.read());
            assertEquals(3, r.imported());
            assertEquals(1, r.duplicates());
            assertEquals(7, r.rejected());
            assertEquals("wrong field count: expected 5, found 3", WorkspaceProbe.reasonAt(ws, 4));
            assertEquals("non-numeric id: user_id 'abc'", WorkspaceProbe.reasonAt(ws, 5));
            assertEquals("unknown behaviour: 'click'", WorkspaceProbe.reasonAt(ws, 6));
            assertTrue(WorkspaceProbe.reasonAt(ws, 7).startsWith("implausible timestamp: timestamp 99999999999 is outside 1990-01-01.."));
            assertEquals("empty field: item_id", WorkspaceProbe.reasonAt(ws, 8));
            assertEquals("binary content: control characters, NUL or invalid UTF-8 bytes", WorkspaceProbe.reasonAt(ws, 9));
            assertEquals("line too long: 70014 bytes (limit 65536)", WorkspaceProbe.reasonAt(ws, 10));
            assertEquals(7, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM rejected_rows"));
            assertEquals(3, WorkspaceProbe.events(ws));
            assertEquals(2000, WorkspaceProbe.count(ws, "SELECT MAX(LENGTH(raw_text)) FROM rejected_rows"),
                    "the absurd line is kept clipped, not whole");
        }
    }

    @Test
    void reimportingTheSameFileAddsNothing() throws IOException {
        Path file = tmp.resolve("events.csv");
        Files.writeString(file, "1,100,10,pv,1511544070\n2,200,20,buy,1511544071\nx,1,1,pv,1\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            FileImportResult first = TestJobs.importOne(ws, ImportFormat.TAOBAO, file);
            FileImportResult again = TestJobs.importOne(ws, ImportFormat.TAOBAO, file);

            assertEquals(2, first.imported());
            assertEquals(0, again.imported());
            assertEquals(2, again.duplicates());
            assertEquals(1, again.rejected());
            assertEquals(first.datasetId(), again.alreadyImportedAs());
            assertEquals(2, WorkspaceProbe.events(ws));
            assertEquals(1, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM rejected_rows"));
            assertEquals(1, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM datasets"));
        }
    }

    @Test
    void eventsAlreadyInAnEarlierDatasetCountAsDuplicates() throws IOException {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Files.writeString(a, "1,100,10,pv,1511544070\n2,200,20,buy,1511544071\n");
        Files.writeString(b, "2,200,20,buy,1511544071\n3,300,30,fav,1511544072\n3,300,30,fav,1511544072\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            TestJobs.importOne(ws, ImportFormat.TAOBAO, a);
            FileImportResult second = TestJobs.importOne(ws, ImportFormat.TAOBAO, b);

            assertEquals(1, second.imported());
            assertEquals(2, second.duplicates());
            assertEquals(3, WorkspaceProbe.events(ws));
        }
    }

    private static void write(ByteArrayOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
