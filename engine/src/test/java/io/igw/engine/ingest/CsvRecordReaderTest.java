package io.igw.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
    private static CsvRecordReader reader(String text) {
        return new CsvRecordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',', true, false);
    }

    @Test
    void quotedFieldsKeepDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        CsvRecordReader r = reader("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,1\n");
        assertTrue(r.next());
        assertEquals(4, r.fieldCount());
        assertEquals("b,c", r.field(1));
        assertEquals("say \"hi\"", r.field(2));
        assertEquals("two\nlines", r.field(3));
        assertEquals(1, r.lineNo());
        assertTrue(r.next());
        assertEquals(3, r.lineNo(), "records are numbered by the physical line they start on");
        assertEquals(1, r.unsignedLong(1));
        assertFalse(r.next());
    }

    @Test
    void aByteOrderMarkAndCrlfAreInvisible() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "x,y\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(all), ',', true, false);
        assertTrue(r.next());
        assertEquals("x", r.field(0));
        assertEquals("y", r.field(1));
        assertTrue(r.next());
        assertEquals(2, r.unsignedLong(1));
        assertFalse(r.next());
    }

    @Test
    void aStrayQuoteInsideAFieldDoesNotSwallowTheNextLines() throws IOException {
        CsvRecordReader r = reader("1,5\" screen,3\n2,ok,4\n");
        assertTrue(r.next());
        assertEquals("5\" screen", r.field(1));
        assertTrue(r.next());
        assertEquals(2, r.unsignedLong(0));
    }

    @Test
    void anUnclosedQuoteIsFlaggedAtTheCapNotAtTheEndOfTheFile() throws IOException {
        StringBuilder text = new StringBuilder("1,\"never closed\n");
        for (int i = 0; i < 5000; i++) {
            text.append("filler line number ").append(i).append('\n');
        }
        text.append("2,after\n");
        CsvRecordReader r = reader(text.toString());
        assertTrue(r.next());
        assertTrue(r.hasUnterminatedQuote());
        int later = 0;
        while (r.next()) {
            later++;
        }
        assertTrue(later > 1000, "lines after the cap are read again as lines: " + later);
    }

    @Test
    void numbersAreParsedStrictly() throws IOException {
        CsvRecordReader r = reader(" 42 ,-1,1e3,,99999999999999999999\n");
        assertTrue(r.next());
        assertEquals(42, r.unsignedLong(0));
        assertEquals(-1, r.unsignedLong(1));
        assertEquals(-1, r.unsignedLong(2));
        assertEquals(-1, r.unsignedLong(3));
        assertTrue(r.isEmpty(3));
        assertEquals(-1, r.unsignedLong(4));
    }
}
