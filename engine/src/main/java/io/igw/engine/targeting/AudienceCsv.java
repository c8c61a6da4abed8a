package io.igw.engine.targeting;

import io.igw.engine.errors.AudienceTooSmall;
import io.igw.storage.OutputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An audience as CSV for an ad platform: {@code user_id,score,reason}. User ids are normalised and SHA-256-hashed
 * ({@link AdIdentifiers}) unless plain ids are asked for; an audience under the minimum size is refused before
 * anything is written. Any cell that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a
 * carriage return) is prefixed with a quote, and cells are quoted where CSV needs it. The file appears whole or not
 * at all ({@link OutputFile}).
 */
public final class AudienceCsv {
    /** The fewest people an export holds unless told otherwise: what ad platforms commonly require. */
    public static final int DEFAULT_MINIMUM_SIZE = 100;

    private AudienceCsv() {
    }

    /** How an export protects the people in it: hashed ids, and the smallest audience it writes. */
    public record Privacy(boolean hashIds, int minimumSize) {
        public static final Privacy DEFAULT = new Privacy(true, DEFAULT_MINIMUM_SIZE);

        public Privacy {
            io.igw.engine.errors.InvalidSetting.atLeast("min_size", minimumSize, 1);
        }
    }

    public static void write(Path file, List<AudienceBuilder.Member> members, Privacy privacy) throws IOException {
        if (members.size() < privacy.minimumSize()) {
            throw new AudienceTooSmall(members.size(), privacy.minimumSize());
        }
        OutputFile.text(file, out -> {
            out.write("user_id,score,reason\n");
            for (AudienceBuilder.Member m : members) {
                String id = Long.toString(m.userId());
                out.write(cell(privacy.hashIds() ? AdIdentifiers.hashed(id) : id) + ","
                        + cell(String.format(Locale.ROOT, "%.6f", m.score())) + "," + cell(m.reason()) + "\n");
            }
        });
    }

    /** A cell that is safe to open in a spreadsheet and correct CSV. */
    static String cell(String value) {
        return io.igw.engine.export.CsvCell.safe(value);
    }
}
