package io.igw.engine.titles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new title for an item must keep and may show: its brand and its product noun (the title with the brand and
 * every attribute word taken out, such as "trail vest" or 登山鞋) are kept; the words it may show are the item's
 * attributes and the attribute words its current title already shows. {@link #check} says whether a candidate keeps
 * to that, and {@link #changes} which words it adds and drops.
 */
record TitleParts(String brand, String noun, List<String> allowed) {

    static TitleParts of(Listing item, Set<String> lexicon) {
        String title = item.title().trim();
        String rest = " " + title + " ";
        String brand = item.brand() == null || item.brand().isBlank() ? null : item.brand().trim();
        if (brand != null && containsIgnoringCase(rest, brand)) {
            rest = removeFirst(rest, brand);
        } else {
            brand = null;
        }
        Set<String> allowed = new LinkedHashSet<>();
        item.attributes().forEach(a -> allowed.add(a.trim()));
        List<String> known = new ArrayList<>(lexicon);
        known.addAll(allowed);
        known.sort(Comparator.comparingInt(String::length).reversed());
        for (String w : known) {
            if (!w.isBlank() && shows(rest, w)) {
                allowed.add(w);
                rest = removeFirst(rest, w);
            }
        }
        allowed.removeIf(String::isBlank);
        String noun = rest.trim().replaceAll("\\s+", " ");
        return new TitleParts(brand, noun.isEmpty() ? null : noun, List.copyOf(allowed));
    }

    /** Why the candidate breaks the rules, or null if it keeps brand and noun and shows only allowed words, once each. */
    String check(String candidate) {
        String rest = " " + candidate.trim() + " ";
        if (brand != null) {
            if (!containsIgnoringCase(rest, brand)) {
                return "drops the brand";
            }
            rest = removeFirst(rest, brand);
        }
        if (noun != null) {
            if (!shows(rest, noun)) {
                return "drops the product noun";
            }
            rest = removeFirst(rest, noun);
        }
        List<String> words = new ArrayList<>(allowed);
        words.sort(Comparator.comparingInt(String::length).reversed());
        for (String w : words) {
            if (shows(rest, w)) {
                rest = removeFirst(rest, w);
            }
        }
        return rest.isBlank() ? null : "shows words the item's attributes do not: " + rest.trim();
    }

    /** The allowed words the title shows. */
    List<String> shown(String title) {
        String rest = " " + title + " ";
        if (brand != null) {
            rest = removeFirst(rest, brand);
        }
        if (noun != null) {
            rest = removeFirst(rest, noun);
        }
        List<String> words = new ArrayList<>(allowed);
        words.sort(Comparator.comparingInt(String::length).reversed());
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (shows(rest, w)) {
                out.add(w);
                rest = removeFirst(rest, w);
            }
        }
        return out;
    }

    /** "+waterproof" for a word the candidate adds, "-clearance" for one it drops, against the current title. */
    List<String> changes(String current, String candidate) {
        List<String> before = shown(current);
        List<String> after = shown(candidate);
        List<String> out = new ArrayList<>();
        after.stream().filter(w -> !before.contains(w)).forEach(w -> out.add("+" + w));
        before.stream().filter(w -> !after.contains(w)).forEach(w -> out.add("-" + w));
        return out;
    }

    /** A Latin word shows as a whole word; a Chinese one anywhere, since Chinese titles join words. */
    private static boolean shows(String text, String word) {
        return indexOf(text, word) >= 0;
    }

    private static int indexOf(String text, String word) {
        String t = text.toLowerCase(Locale.ROOT);
        String w = word.toLowerCase(Locale.ROOT);
        boolean han = TitleWords.hasHan(w);
        for (int at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) {
            if (han || (boundary(t, at - 1) && boundary(t, at + w.length()))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean boundary(String t, int at) {
        if (at < 0 || at >= t.length()) {
            return true;
        }
        char c = t.charAt(at);
        return Character.isWhitespace(c) || TitleWords.isHan(c);
    }

    private static boolean containsIgnoringCase(String text, String word) {
        return indexOf(text, word) >= 0;
    }

    private static String removeFirst(String text, String word) {
        int at = indexOf(text, word);
        return at < 0 ? text : text.substring(0, at) + " " + text.substring(at + word.length());
    }
}
