package io.igw.engine.targeting;

import io.igw.storage.IoWatch;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * An audience as CSV for an ad platform: {@code user_id,score,reason}. User ids can be SHA-256-hashed (hex of the
 * id's decimal text), as platforms expect for matching. Any cell that a spreadsheet would read as a formula (it starts
 * with =, +, -, @, a tab or a carriage return) is prefixed with a quote, and cells are quoted where CSV needs it.
 */
public final class AudienceCsv {
    private AudienceCsv() {
    }

    public static void write(Path file, List<AudienceBuilder.Member> members, boolean hashIds) throws IOException {
        IoWatch.touching("writing " + file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("Cannot write " + file + ": the folder " + parent + " does not exist.");
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("user_id,score,reason\n");
            for (AudienceBuilder.Member m : members) {
                String id = hashIds ? sha256(Long.toString(m.userId())) : Long.toString(m.userId());
                out.write(cell(id) + "," + cell(String.format(Locale.ROOT, "%.6f", m.score())) + "," + cell(m.reason()) + "\n");
            }
        }
    }

    /** A cell that is safe to open in a spreadsheet and correct CSV. */
    static String cell(String value) {
        return io.igw.engine.export.CsvCell.safe(value);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
