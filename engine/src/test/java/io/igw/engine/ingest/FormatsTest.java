package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.igw.storage.Workspace;
import io.igw.storage.datasets.DatasetKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
    @TempDir
    Path tmp;

    @Test
    void retailRocketEventsMapOntoCanonicalBehavioursWithMillisecondTimes() throws IOException {
        Path file = write("events.csv", "timestamp,visitorid,event,itemid,transactionid\n"
                + "1433221332117,257597,view,355908,\n"
                + "1433224214164,992329,addtocart,248676,\n"
                + "1433221999827,111016,transaction,459835,7\n"
                + "1433221955914,483717,click,253185,\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            FileImportResult r = TestJobs.importOne(ws, ImportFormat.RETAILROCKET, file);
            assertEquals(3, r.imported());
            assertEquals(1, r.rejected());
            assertEquals("unknown behaviour: 'click'", WorkspaceProbe.reasonAt(ws, 5));
            assertEquals(1433221999L, WorkspaceProbe.count(ws, "SELECT event_time FROM events WHERE behaviour = 4"));
            assertEquals(1, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM events WHERE session_id = '7'"));
            assertEquals(1, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM events WHERE behaviour = 3"));
        }
    }

    @Test
    void movieLensRatingsBecomeRateEventsWithTheirStrength() throws IOException {
        Path udata = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n");
        Path ratings = write("ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            assertEquals(3, TestJobs.importOne(ws, ImportFormat.MOVIELENS, udata).imported());
            assertEquals(2, TestJobs.importOne(ws, ImportFormat.MOVIELENS, ratings).imported());
            assertEquals(5, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM events WHERE behaviour = 5"));
            assertEquals(1, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM events WHERE strength = 2.5"));
        }
    }

    @Test
    void movieLensCataloguesReadLatin1TitlesAndGenres() throws IOException {
        Path items = tmp.resolve("u.item");
        Files.write(items, ("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                + "2|Misérables, Les (1995)|01-Jan-1995||http://y|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path users = write("u.user", "1|24|M|technician|85711\n2|53|F|other|94043\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            ImportReport r = new WorkspaceImport(ws, new ImportRequest(ImportFormat.MOVIELENS, java.util.List.of(),
                    Map.of(DatasetKind.ITEMS, items, DatasetKind.USERS, users), "")).run(TestJobs.quiet());
            assertEquals(4, r.imported());
            assertEquals(0, r.rejected());
            assertEquals(1, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM items WHERE title = 'Misérables, Les (1995)'"));
            assertEquals(4, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM item_categories"));
            assertEquals(3, WorkspaceProbe.count(ws, "SELECT category_id FROM items WHERE item_id = 1"));
            assertEquals(53, WorkspaceProbe.count(ws, "SELECT age FROM users WHERE user_id = 2"));
        }
    }

    @Test
    void genericFilesWithBomCrlfAndQuotesImportThroughAMapping() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "Visitor;SKU;Action;When;Note\r\n"
                + "7;1001;Purchase;2024-03-01T10:00:00Z;\"said \"\"hi\"\"; ok\"\r\n"
                + "8;1002;wish;2024-03-01 11:00:00;\"two\r\nlines\"\r\n"
                + "9;1003;pageview;1709290800000;\r\n";
        Path file = tmp.resolve("generic.csv");
        Files.write(file, concat(bom, body.getBytes(StandardCharsets.UTF_8)));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            FileImportResult r = new WorkspaceImport(ws, new ImportRequest(ImportFormat.GENERIC, java.util.List.of(file),
                    Map.of(), "delimiter=semicolon,user=visitor,item=sku,behaviour=action,time=when,behaviour.fav=wish"))
                    .run(TestJobs.quiet()).files().get(0);
            assertEquals(3, r.read());
            assertEquals(3, r.imported(), r.rejectReasons().toString());
            assertEquals(1709287200L, WorkspaceProbe.count(ws, "SELECT event_time FROM events WHERE user_id = 7"));
            assertEquals(2, WorkspaceProbe.count(ws, "SELECT behaviour FROM events WHERE user_id = 8"));
            assertEquals(1709290800L, WorkspaceProbe.count(ws, "SELECT event_time FROM events WHERE user_id = 9"));
        }
    }

    @Test
    void aGenericHeaderWithoutAUserColumnIsRefusedWithAClearMessage() throws IOException {
        Path file = write("g.csv", "who,what,when\n1,2,2024-01-01\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            ImportException e = assertThrows(ImportException.class, () -> TestJobs.importOne(ws, ImportFormat.GENERIC, file));
            assertTrue(e.getMessage().startsWith("No user column: the header has who, what, when"), e.getMessage());
            assertEquals(0, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM datasets"));
        }
    }

    @Test
    void reviewsKeepQuotedTextWithLineBreaks() throws IOException {
        Path reviews = write("reviews.csv", "user_id,item_id,rating,text,timestamp\n"
                + "1,5,4,\"Good, but\nsmall\",1788899210\n2,6,9.5x,bad rating,1788899210\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), true)) {
            ImportReport r = new WorkspaceImport(ws, new ImportRequest(ImportFormat.GENERIC, java.util.List.of(),
                    Map.of(DatasetKind.REVIEWS, reviews), "")).run(TestJobs.quiet());
            assertEquals(1, r.imported());
            assertEquals(1, r.rejected());
            assertEquals("bad number: rating '9.5x' is not a number", WorkspaceProbe.reasonAt(ws, 4));
            assertEquals(1, WorkspaceProbe.count(ws, "SELECT COUNT(*) FROM reviews WHERE text = 'Good, but' || CHAR(10) || 'small'"));
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
