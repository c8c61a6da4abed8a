package io.igw.engine.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads delimited records from a byte stream in constant memory: a UTF-8 byte-order mark is skipped, CRLF and LF
 * both end a line, quoted fields may hold delimiters, doubled quotes and line breaks. A record longer than
 * {@link #MAX_RECORD_BYTES} is read to its end but kept only in part and flagged, so one absurd line can neither
 * exhaust memory nor swallow the lines after it. Records are numbered by the physical line they start on.
 */
public final class CsvRecordReader implements AutoCloseable {
    public static final int MAX_RECORD_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 1024;
    private static final int NO_QUOTE = -1;

    private final InputStream in;
    private final byte delimiter;
    private final int quote;
    private final boolean latin1Fallback;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;
    private boolean started;

    private final byte[] raw = new byte[MAX_RECORD_BYTES];
    private int rawLen;
    private final byte[] fieldBytes = new byte[MAX_RECORD_BYTES];
    private int fieldLen;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fieldCount;

    private long lineNo;
    private long nextLine = 1;
    private long recordBytes;
    private boolean tooLong;
    private boolean tooManyFields;
    private boolean binary;
    private boolean highBytes;
    private boolean unterminatedQuote;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * @param quoting whether a field may be quoted with {@code "}; tab- and pipe-separated layouts such as
     *                MovieLens' use none
     * @param latin1Fallback decode a line that is not valid UTF-8 as ISO-8859-1 instead of flagging it as binary
     *                       (MovieLens' catalogues are Latin-1)
     */
    public CsvRecordReader(InputStream in, char delimiter, boolean quoting, boolean latin1Fallback) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.quote = quoting ? '"' : NO_QUOTE;
        this.latin1Fallback = latin1Fallback;
    }

    /** Reads the next record; false at the end of the input. */
    public boolean next() throws IOException {
        if (!started) {
            started = true;
            skipBom();
        }
        rawLen = 0;
        fieldLen = 0;
        fieldCount = 0;
        recordBytes = 0;
        tooLong = false;
        tooManyFields = false;
        binary = false;
        highBytes = false;
        unterminatedQuote = false;
        lineNo = nextLine;
        int fieldStart = 0;
        boolean inQuotes = false;
        boolean atFieldStart = true;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (!any) {
                    return false;
                }
                unterminatedQuote = inQuotes;
                endField(fieldStart);
                return true;
            }
            any = true;
            recordBytes++;
            if (b == '\n') {
                nextLine++;
            }
            if (inQuotes) {
                if (b == quote) {
                    if (peek() == quote) {
                        read();
                        recordBytes++;
                        keepRaw(b);
                        keepRaw(b);
                        keepField(b);
                    } else {
                        inQuotes = false;
                        keepRaw(b);
                    }
                    continue;
                }
                if (b == '\n' && recordBytes > MAX_RECORD_BYTES) {
                    // An unclosed quote must not swallow the rest of the file: give up on it at the cap.
                    unterminatedQuote = true;
                    endField(fieldStart);
                    return true;
                }
                keepRaw(b);
                checkByte(b);
                keepField(b);
                continue;
            }
            if (b == '\n' || (b == '\r' && peek() == '\n')) {
                if (b == '\r') {
                    read();
                    recordBytes++;
                    nextLine++;
                }
                endField(fieldStart);
                return true;
            }
            keepRaw(b);
            if (b == delimiter) {
                endField(fieldStart);
                fieldStart = fieldLen;
                atFieldStart = true;
                continue;
            }
            if (b == quote && atFieldStart) {
                inQuotes = true;
                atFieldStart = false;
                continue;
            }
            atFieldStart = false;
            checkByte(b);
            keepField(b);
        }
    }

    private void checkByte(int b) {
        if (b == 0 || (b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7f) {
            binary = true;
        } else if (b >= 0x80) {
            highBytes = true;
        }
    }

    private void keepRaw(int b) {
        if (rawLen < raw.length) {
            raw[rawLen++] = (byte) b;
        }
    }

    private void keepField(int b) {
        if (fieldLen < fieldBytes.length) {
            fieldBytes[fieldLen++] = (byte) b;
        } else {
            tooLong = true;
        }
    }

    private void endField(int fieldStart) {
        if (recordBytes > MAX_RECORD_BYTES) {
            tooLong = true;
        }
        if (fieldCount == MAX_FIELDS) {
            tooManyFields = true;
            return;
        }
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        starts[fieldCount] = fieldStart;
        ends[fieldCount] = fieldLen;
        fieldCount++;
    }

    private void skipBom() throws IOException {
        if (peek() == 0xEF) {
            fill(3);
            if (limit - pos >= 3 && (buf[pos + 1] & 0xff) == 0xBB && (buf[pos + 2] & 0xff) == 0xBF) {
                pos += 3;
                consumed += 3;
            }
        }
    }

    private int read() throws IOException {
        if (pos == limit && !fill(1)) {
            return -1;
        }
        consumed++;
        return buf[pos++] & 0xff;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill(1)) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    private boolean fill(int wanted) throws IOException {
        if (pos > 0 && limit - pos < wanted) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < wanted) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                return limit > pos;
            }
            limit += n;
        }
        return true;
    }

    /** The physical line the current record starts on, from 1. */
    public long lineNo() {
        return lineNo;
    }

    /** Bytes taken from the input so far, for progress. */
    public long bytesConsumed() {
        return consumed;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public long recordBytes() {
        return recordBytes;
    }

    public boolean isTooLong() {
        return tooLong;
    }

    public boolean hasTooManyFields() {
        return tooManyFields;
    }

    public boolean hasUnterminatedQuote() {
        return unterminatedQuote;
    }

    /** Control characters, NUL, or (without the Latin-1 fallback) bytes that are not valid UTF-8. */
    public boolean isBinary() {
        if (binary) {
            return true;
        }
        if (!highBytes || latin1Fallback) {
            return false;
        }
        try {
            utf8.reset().decode(ByteBuffer.wrap(fieldBytes, 0, fieldLen));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    /** True when the record is one empty line. */
    public boolean isBlank() {
        return fieldCount == 1 && fieldLen == 0 && rawLen == 0;
    }

    public boolean isEmpty(int field) {
        for (int i = starts[field]; i < ends[field]; i++) {
            if (fieldBytes[i] != ' ' && fieldBytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    public String field(int field) {
        return decode(fieldBytes, starts[field], ends[field] - starts[field]).trim();
    }

    /**
     * Parses the field as a non-negative decimal integer (surrounding blanks allowed); returns -1 when it is not one.
     */
    public long unsignedLong(int field) {
        int i = starts[field];
        int end = ends[field];
        while (i < end && fieldBytes[i] == ' ') {
            i++;
        }
        while (end > i && fieldBytes[end - 1] == ' ') {
            end--;
        }
        if (i == end || end - i > 18) {
            return -1;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = fieldBytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Compares the field's bytes with an ASCII word, ignoring case. */
    public boolean fieldEquals(int field, String ascii) {
        int len = ends[field] - starts[field];
        if (len != ascii.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int a = fieldBytes[starts[field] + i];
            int b = ascii.charAt(i);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }

    /** The record as it stood in the file (clipped to the first 64 KiB), for the rejected-rows table. */
    public String rawText() {
        String s = decode(raw, 0, rawLen);
        StringBuilder clean = new StringBuilder(Math.min(s.length(), 2100));
        for (int i = 0; i < s.length() && clean.length() < 2000; i++) {
            char c = s.charAt(i);
            clean.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
        }
        return clean.toString();
    }

    private String decode(byte[] bytes, int from, int len) {
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, from, len));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, from, len, latin1Fallback ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
