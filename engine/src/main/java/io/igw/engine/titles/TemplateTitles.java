package io.igw.engine.titles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a title generator has to beat: each category's most common title pattern — where its titles put the
 * brand, the attribute words and the noun, per script — with an item's attribute words slotted in, in the order its
 * attributes are listed. It does not know which words attract.
 */
final class TemplateTitles {
    private static final String BRAND = "\u0001B\u0001";
    private static final String WORD = "\u0001A\u0001";
    private static final String NOUN = "\u0001N\u0001";

    private final Map<String, String> commonest = new HashMap<>();
    private final java.util.function.Function<Listing, TitleParts> parts;

    TemplateTitles(List<Listing> listings, java.util.function.Function<Listing, TitleParts> parts) {
        this.parts = parts;
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Listing l : listings) {
            if (l.title() == null || l.title().isBlank()) {
                continue;
            }
            String pattern = pattern(l, parts.apply(l));
            counts.computeIfAbsent(key(l), k -> new HashMap<>()).merge(pattern, 1, Integer::sum);
        }
        counts.forEach((key, patterns) -> commonest.put(key, patterns.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey()));
    }

    private static String key(Listing l) {
        return l.category() + (TitleWords.hasHan(l.title()) ? ":zh" : ":en");
    }

    /** The title with its brand, noun and each shown attribute word replaced by a slot. */
    private static String pattern(Listing l, TitleParts p) {
        String t = l.title();
        if (p.brand() != null) {
            t = replaceFirst(t, p.brand(), BRAND);
        }
        if (p.noun() != null) {
            t = replaceFirst(t, p.noun(), NOUN);
        }
        for (String w : p.shown(l.title())) {
            t = replaceFirst(t, w, WORD);
        }
        return t;
    }

    private static String replaceFirst(String text, String word, String slot) {
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(word.toLowerCase(java.util.Locale.ROOT));
        return at < 0 ? text : text.substring(0, at) + slot + text.substring(at + word.length());
    }

    /** The item's title in its category's commonest pattern, or its own title if the pattern has no slot for words. */
    String title(Listing item) {
        String pattern = commonest.get(key(item));
        TitleParts p = parts.apply(item);
        if (pattern == null || !pattern.contains(WORD)) {
            return item.title();
        }
        String t = pattern.replace(BRAND, p.brand() == null ? "" : p.brand()).replace(NOUN, p.noun() == null ? "" : p.noun());
        for (String w : p.allowed()) {
            if (!t.contains(WORD)) {
                break;
            }
            t = t.replaceFirst(java.util.regex.Pattern.quote(WORD), java.util.regex.Matcher.quoteReplacement(w));
        }
        return t.replace(WORD, "").trim().replaceAll("\\s+", " ");
    }
}
