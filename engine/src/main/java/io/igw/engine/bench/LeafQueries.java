package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.storage.catalog.CatalogLookup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts written for one leaf of the generator's catalogue each, as {@code leaf<TAB>language<TAB>text} lines ({@code #}
 * starts a comment): the queries and descriptions the text benchmarks judge, bundled or from a file.
 */
final class LeafQueries {
    record Query(String leaf, String language, String text) {
    }

    private LeafQueries() {
    }

    /** The lines of {@code file}, or of the bundled resource {@code bundled} when the file is null. */
    static List<Query> read(Path file, String bundled) throws IOException {
        List<String> lines;
        if (file == null) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    LeafQueries.class.getResourceAsStream(bundled), StandardCharsets.UTF_8))) {
                lines = r.lines().toList();
            }
        } else {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        List<Query> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new InvalidSetting("queries", "line " + (n + 1) + " is not leaf<TAB>language<TAB>text: '" + line + "'");
            }
            out.add(new Query(f[0], f[1], f[2]));
        }
        return out;
    }

    /** The id of the leaf a query names, by the category's English name; a name the catalogue lacks is an error. */
    static long leaf(CatalogLookup catalog, Query query) {
        Map<String, Long> leaves = new HashMap<>();
        catalog.categories().values().forEach(c -> {
            if (c.name() != null) {
                leaves.put(c.name(), c.id());
            }
        });
        Long leaf = leaves.get(query.leaf());
        if (leaf == null) {
            throw new InvalidSetting("queries", "names a leaf the catalogue does not have: '" + query.leaf() + "'");
        }
        return leaf;
    }
}
