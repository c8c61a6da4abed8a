package io.igw.engine.titles;

import io.igw.engine.export.CsvCell;
import io.igw.storage.OutputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An audience's creatives as CSV, written beside the audience's own export:
 * {@code rank,headline,copy,item_id,item_title,words,predicted_conversion,predicted_uplift,fluency}, words joined by
 * {@code |}. Cells are made safe for spreadsheets as the audience export's are.
 */
public final class CreativesCsv {
    private CreativesCsv() {
    }

    /** Where the creatives of an audience exported to {@code audienceFile} go: {@code name.creatives.csv} beside it. */
    public static Path besides(Path audienceFile) {
        String name = audienceFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return audienceFile.resolveSibling(stem + ".creatives.csv");
    }

    public static void write(Path file, List<AdCreatives.Creative> creatives) throws IOException {
        OutputFile.text(file, out -> {
            out.write("rank,headline,copy,item_id,item_title,words,predicted_conversion,predicted_uplift,fluency\n");
            int rank = 1;
            for (AdCreatives.Creative c : creatives) {
                out.write(String.join(",", Integer.toString(rank++), CsvCell.safe(c.headline()), CsvCell.safe(c.copy()),
                        Long.toString(c.item()), CsvCell.safe(c.itemTitle()), CsvCell.safe(String.join("|", c.words())),
                        String.format(Locale.ROOT, "%.6f", c.predictedConversion()),
                        String.format(Locale.ROOT, "%.6f", c.predictedUplift()),
                        String.format(Locale.ROOT, "%.4f", c.fluency())) + "\n");
            }
        });
    }
}
