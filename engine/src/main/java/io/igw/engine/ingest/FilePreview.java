package io.igw.engine.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a file split the way the chosen format will split them, for the import dialog's preview and its
 * column mapping. Reads only the head of the file.
 */
public record FilePreview(List<String> header, List<List<String>> rows, char delimiter) {
    public FilePreview {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static FilePreview read(Path file, ImportFormat format, String mapping, int maxRows) {
        char delimiter;
        boolean hasHeader;
        boolean quoting = true;
        switch (format) {
            case TAOBAO -> {
                delimiter = ',';
                hasHeader = false;
            }
            case MOVIELENS -> {
                boolean tab = EventParsers.isTabSeparated(file);
                delimiter = tab ? '\t' : ',';
                hasHeader = !tab;
                quoting = !tab;
            }
            case GENERIC -> {
                delimiter = ColumnMapping.parse(mapping).delimiter();
                hasHeader = true;
            }
            default -> {
                delimiter = ',';
                hasHeader = true;
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             CsvRecordReader reader = new CsvRecordReader(in, delimiter, quoting, true)) {
            List<String> header = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            while (rows.size() < maxRows && reader.next()) {
                if (reader.isBlank()) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < reader.fieldCount(); i++) {
                    fields.add(reader.isTooLong() ? "(line too long)" : reader.field(i));
                }
                if (hasHeader && header.isEmpty()) {
                    header.addAll(fields);
                } else {
                    rows.add(fields);
                }
            }
            if (header.isEmpty()) {
                int width = rows.stream().mapToInt(List::size).max().orElse(0);
                List<String> names = format == ImportFormat.TAOBAO
                        ? List.of("user_id", "item_id", "category_id", "behaviour", "timestamp")
                        : format == ImportFormat.MOVIELENS ? List.of("user_id", "item_id", "rating", "timestamp") : List.of();
                for (int i = 0; i < width; i++) {
                    header.add(i < names.size() ? names.get(i) : "column " + (i + 1));
                }
            }
            return new FilePreview(header, rows, delimiter);
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
