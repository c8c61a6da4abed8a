package io.igw.engine.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits product titles and review texts into candidate tags: English words lower-cased (hyphenated words split),
 * Chinese runs segmented into words by jieba, with stop words, numbers and one-letter Latin tokens dropped.
 * Single Chinese characters stay (鞋, 包 and 表 are whole nouns), unless they are stop words. Given the catalogue's
 * {@link CataloguePhrases}, the Chinese words of a phrase come out joined, as one token.
 */
public final class TitleTokenizer {
    private static final Set<String> STOP_WORDS = load("stopwords-en.txt", "stopwords-zh.txt");

    private final CataloguePhrases phrases;

    /** Chinese words as jieba gives them. */
    public TitleTokenizer() {
        this(CataloguePhrases.none());
    }

    /** Chinese words with the catalogue's phrases joined (挂耳, 越野跑鞋). */
    public TitleTokenizer(CataloguePhrases phrases) {
        this.phrases = phrases;
    }

    /** The jieba words of each run of Chinese characters in {@code text}, for learning phrases. */
    static List<List<String>> hanRuns(String text) {
        List<List<String>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder han = new StringBuilder();
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            i += i < text.length() ? Character.charCount(cp) : 1;
            if (isHan(cp)) {
                han.appendCodePoint(cp);
            } else if (han.length() > 0) {
                out.add(jiebaWords(han.toString()));
                han.setLength(0);
            }
        }
        return out;
    }

    /** jieba's words of one run of Chinese characters, blanks dropped. */
    private static List<String> jiebaWords(String han) {
        return ChineseSegmenter.words(han).stream().map(String::trim).filter(w -> !w.isEmpty()).toList();
    }

    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder latin = new StringBuilder();
        StringBuilder han = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isHan(cp)) {
                flushLatin(latin, out);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushHan(han, out);
                latin.appendCodePoint(Character.toLowerCase(cp));
            } else {
                flushLatin(latin, out);
                flushHan(han, out);
            }
        }
        flushLatin(latin, out);
        flushHan(han, out);
        return out;
    }

    private static void flushLatin(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            String w = word.toString();
            word.setLength(0);
            if (w.length() > 1 && !w.chars().allMatch(Character::isDigit) && !STOP_WORDS.contains(w)) {
                out.add(w);
            }
        }
    }

    private void flushHan(StringBuilder run, List<String> out) {
        if (run.length() > 0) {
            List<String> words = jiebaWords(run.toString());
            for (String w : phrases.merge(words)) {
                String t = w.trim();
                if (!t.isEmpty() && t.codePoints().allMatch(TitleTokenizer::isHan) && !STOP_WORDS.contains(t)) {
                    out.add(t);
                }
            }
            run.setLength(0);
        }
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static Set<String> load(String... resources) {
        Set<String> words = new HashSet<>();
        for (String resource : resources) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    TitleTokenizer.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.startsWith("#")) {
                        for (String w : line.trim().split("\\s+")) {
                            if (!w.isEmpty()) {
                                words.add(w.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(words);
    }
}
