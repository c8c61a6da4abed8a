package io.igw.engine.titles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The title generator's vocabulary: a Latin word is one token, a Han character is one token (Chinese titles are
 * written character by character), and a space between two parts of a title is a token of its own. Besides the
 * words there are markers: a category's token, the attribute and noun markers of the condition, the start and end of
 * a title. Token {@code i} is row {@code i + 1} of the network's table (row 0 is padding).
 */
final class TitleTokens {
    static final String SPACE = "▁";
    static final String ATTRIBUTE = "<a>";
    static final String NOUN = "<n>";
    static final String START = "<s>";
    static final String END = "</s>";

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> tokens = new ArrayList<>();

    TitleTokens() {
        for (String marker : List.of(SPACE, ATTRIBUTE, NOUN, START, END)) {
            id(marker);
        }
    }

    /** A vocabulary of every token in the listings' titles, brands and attributes, and of their categories. */
    static TitleTokens of(List<Listing> listings) {
        TitleTokens v = new TitleTokens();
        for (Listing l : listings) {
            v.id(category(l.category()));
            split(l.title()).forEach(v::id);
            split(l.brand()).forEach(v::id);
            l.attributes().forEach(a -> split(a).forEach(v::id));
        }
        return v;
    }

    static String category(long id) {
        return "<c:" + id + ">";
    }

    /** The text's tokens: words, Han characters, and a space token between whitespace-separated parts. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String chunk : text.trim().split("\\s+")) {
            if (!out.isEmpty()) {
                out.add(SPACE);
            }
            StringBuilder latin = new StringBuilder();
            for (int i = 0; i < chunk.length(); ) {
                int cp = chunk.codePointAt(i);
                i += Character.charCount(cp);
                if (TitleWords.isHan(cp)) {
                    if (!latin.isEmpty()) {
                        out.add(latin.toString());
                        latin.setLength(0);
                    }
                    out.add(new String(Character.toChars(cp)));
                } else {
                    latin.appendCodePoint(cp);
                }
            }
            if (!latin.isEmpty()) {
                out.add(latin.toString());
            }
        }
        return out;
    }

    /** Tokens back to text: spaces where the space token is, nothing between the others. */
    static String join(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String t : tokens) {
            if (t.equals(SPACE)) {
                out.append(' ');
            } else {
                // two Latin words never touch without a space token between them; keep them apart if one was dropped
                if (previous != null && !previous.equals(SPACE) && latin(previous) && latin(t)) {
                    out.append(' ');
                }
                out.append(t);
            }
            previous = t;
        }
        return out.toString().trim().replaceAll("\\s+", " ");
    }

    private static boolean latin(String token) {
        return !token.isEmpty() && !TitleWords.isHan(token.codePointAt(0)) && !token.startsWith("<");
    }

    /** The token's id, adding it if new. */
    int id(String token) {
        Integer at = ids.get(token);
        if (at == null) {
            at = tokens.size();
            ids.put(token, at);
            tokens.add(token);
        }
        return at;
    }

    /** The token's id, or -1 if it is not in the vocabulary. */
    int find(String token) {
        return ids.getOrDefault(token, -1);
    }

    String token(int id) {
        return tokens.get(id);
    }

    int size() {
        return tokens.size();
    }

    List<String> all() {
        return List.copyOf(tokens);
    }

    /** A vocabulary read back from a stored model, in its order. */
    static TitleTokens restored(List<String> tokens) {
        TitleTokens v = new TitleTokens();
        tokens.forEach(v::id);
        return v;
    }
}
