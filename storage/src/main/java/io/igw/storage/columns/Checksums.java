package io.igw.storage.columns;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * A column folder's manifest, {@code CHECKSUMS}: each file's length and CRC32C as written, one line each
 * ({@code name<TAB>length<TAB>crc in hex}). Written into the folder before it is committed, so a folder that exists
 * has one (unless an older version wrote it), and read back to check every file that is read whole.
 */
public final class Checksums {
    static final String FILE = "CHECKSUMS";

    /** One file's length and checksum. */
    public record Sum(long length, long crc) {
    }

    private final Map<String, Sum> sums;

    private Checksums(Map<String, Sum> sums) {
        this.sums = Collections.unmodifiableMap(sums);
    }

    /** The folder's manifest; null when it has none (written before checksums were). */
    static Checksums of(Path dir) {
        Path file = dir.resolve(FILE);
        Map<String, Sum> sums = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                sums.put(f[0], new Sum(Long.parseLong(f[1]), Long.parseUnsignedLong(f[2], 16)));
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new DamagedFile(file, "its line '" + line + "' is not a file, length and checksum"));
            }
        }
        return new Checksums(sums);
    }

    static void write(Path dir, Map<String, Sum> sums) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            w.write("# CRC32C of each file in this folder, as it was written\n");
            for (Map.Entry<String, Sum> e : new TreeMap<>(sums).entrySet()) {
                w.write(e.getKey() + "\t" + e.getValue().length() + "\t" + Long.toHexString(e.getValue().crc()) + "\n");
            }
        }
    }

    public Map<String, Sum> all() {
        return sums;
    }

    /** The file's sum as written, or null when the manifest does not list it. */
    Sum of(String name) {
        return sums.get(name);
    }

    /** Reads a whole file for its length and CRC32C. */
    static Sum compute(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        long length = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                length += n;
            }
        }
        return new Sum(length, crc.getValue());
    }

    /** Throws when what was read does not match what was written. */
    static void check(Path file, Sum written, long length, long crc) throws DamagedFile {
        if (length != written.length()) {
            throw new DamagedFile(file, length < written.length()
                    ? String.format(java.util.Locale.ROOT, "it is truncated (%,d of its %,d bytes are there)", length, written.length())
                    : String.format(java.util.Locale.ROOT, "it is longer than it was written (%,d bytes, not %,d)", length, written.length()));
        }
        if (crc != written.crc()) {
            throw new DamagedFile(file, "its CRC32C checksum does not match the one written with it (a changed byte on disk or a "
                    + "bad copy)");
        }
    }
}
