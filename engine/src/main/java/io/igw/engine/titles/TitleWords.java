package io.igw.engine.titles;

import io.igw.engine.tags.ChineseSegmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A title's words, as the click model and the constraints see them: Latin words lower-cased as written (hyphens
 * kept: "fast-charging"), Chinese runs split first by the shop's known attribute words, longest first (防水, 透气),
 * and what is left by jieba (登山鞋). Nothing is dropped, so a word the title shows is a word counted.
 */
final class TitleWords {
    private static final int LONGEST = 8;

    private final Set<String> lexicon;

    /** @param lexicon the shop's attribute words, lower-cased */
    TitleWords(Set<String> lexicon) {
        this.lexicon = lexicon;
    }

    List<String> of(String title) {
        List<String> out = new ArrayList<>();
        if (title == null) {
            return out;
        }
        for (String chunk : title.trim().split("\\s+")) {
            if (chunk.isEmpty()) {
                continue;
            }
            StringBuilder latin = new StringBuilder();
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < chunk.length(); ) {
                int cp = chunk.codePointAt(i);
                if (!isHan(cp)) {
                    flushHan(rest, out);
                    latin.appendCodePoint(cp);
                    i += Character.charCount(cp);
                    continue;
                }
                flushLatin(latin, out);
                String known = longestKnown(chunk, i);
                if (known != null) {
                    flushHan(rest, out);
                    out.add(known);
                    i += known.length();
                } else {
                    rest.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
            }
            flushLatin(latin, out);
            flushHan(rest, out);
        }
        return out;
    }

    private String longestKnown(String s, int at) {
        for (int n = Math.min(LONGEST, s.length() - at); n >= 2; n--) {
            String w = s.substring(at, at + n);
            if (lexicon.contains(w)) {
                return w;
            }
        }
        return null;
    }

    private static void flushLatin(StringBuilder latin, List<String> out) {
        String w = latin.toString().toLowerCase(Locale.ROOT).replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", "");
        if (!w.isEmpty()) {
            out.add(w);
        }
        latin.setLength(0);
    }

    private static void flushHan(StringBuilder han, List<String> out) {
        if (han.length() > 0) {
            for (String w : ChineseSegmenter.words(han.toString())) {
                if (!w.isBlank()) {
                    out.add(w.trim());
                }
            }
            han.setLength(0);
        }
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean hasHan(String s) {
        return s != null && s.codePoints().anyMatch(TitleWords::isHan);
    }

    /** The text without spaces, lower-cased: how two titles are compared for copies. */
    static String squeezed(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
