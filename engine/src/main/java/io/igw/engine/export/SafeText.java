package io.igw.engine.export;

/**
 * Text from the data made safe to show in a file someone opens: the invisible characters that change how text
 * around them reads are removed (direction overrides, embeddings and isolates, which can make {@code
 * evil\u202Egnp.exe} show as {@code evilexe.png}; zero-width spaces and the byte-order mark, which hide text or
 * split a word to slip past a filter), and other control characters but tab and line breaks become spaces. Joiners
 * (U+200C, U+200D) stay: scripts and emoji need them.
 */
public final class SafeText {
    private SafeText() {
    }

    public static String shown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = isHiding(c);
            boolean blank = !drop && Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            if ((drop || blank) && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !drop) {
                out.append(blank ? ' ' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Direction controls, zero-width spaces, word joiner and byte-order mark. */
    static boolean isHiding(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }
}
