package io.igw.engine.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The generator's two-level category tree and its words, read from {@code catalogue.txt}. */
final class Vocabulary {
    record Top(long id, String name, String nameZh, List<String> adjectives, List<String> adjectivesZh, List<String> brands) {
    }

    record Leaf(long id, Top top, String name, String nameZh, List<String> nouns, List<String> nounsZh,
                double priceLow, double priceHigh) {
    }

    final List<Top> tops = new ArrayList<>();
    final List<Leaf> leaves = new ArrayList<>();

    static Vocabulary load() {
        Vocabulary v = new Vocabulary();
        try (InputStream in = Vocabulary.class.getResourceAsStream("catalogue.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Top top = null;
            int leafNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|");
                if (f[0].equals("T")) {
                    top = new Top(v.tops.size() + 1, f[1], f[2], words(f[3]), words(f[4]), words(f[5]));
                    v.tops.add(top);
                    leafNo = 0;
                } else {
                    long id = top.id() * 100 + (++leafNo);
                    v.leaves.add(new Leaf(id, top, f[1], f[2], words(f[3]), words(f[4]),
                            Double.parseDouble(f[5]), Double.parseDouble(f[6])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return v;
    }

    private static List<String> words(String s) {
        return List.of(s.split(";"));
    }
}
