package io.igw.engine.titles;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Constrained decoding as a small automaton: a title is written as a sequence of whole pieces — the brand, the
 * product noun and the allowed attribute words, each at most once, with or without a space between two — so every
 * title it lets through keeps the brand and the noun, shows nothing the item's attributes do not, and repeats nothing.
 * {@link #allowed} gives the tokens that may come next; {@link #take} moves on by the one drawn.
 */
final class TitlePieces {
    private final List<int[]> pieces = new ArrayList<>();
    private final boolean[] used;
    private final int brand;
    private final int noun;
    private final int space;
    private final int end;
    private final int size;
    /** The pieces the tokens since the last boundary may still be spelling, and how many of their tokens are written. */
    private List<Integer> spelling = List.of();
    private int offset;
    private boolean afterSpace = true;

    TitlePieces(TitleParts parts, TitleTokens vocabulary) {
        size = vocabulary.size();
        space = vocabulary.find(TitleTokens.SPACE);
        end = vocabulary.find(TitleTokens.END);
        brand = add(parts.brand(), vocabulary);
        noun = add(parts.noun(), vocabulary);
        for (String w : parts.allowed()) {
            add(w, vocabulary);
        }
        used = new boolean[pieces.size()];
    }

    private int add(String text, TitleTokens vocabulary) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        List<String> tokens = TitleTokens.split(text);
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.find(tokens.get(i));
            if (ids[i] < 0) {
                return -1;   // a word the generator has never seen cannot be written
            }
        }
        pieces.add(ids);
        return pieces.size() - 1;
    }

    /** The tokens that may be drawn next; never empty (the end, when nothing else may come). */
    BitSet allowed() {
        BitSet out = new BitSet(size);
        boolean boundary = spelling.isEmpty() || completed() >= 0;
        for (int p : spelling) {
            if (pieces.get(p).length > offset) {
                out.set(pieces.get(p)[offset]);
            }
        }
        if (boundary) {
            int done = completed();
            for (int p = 0; p < pieces.size(); p++) {
                if (!used[p] && p != done) {
                    out.set(pieces.get(p)[0]);
                }
            }
            if (!afterSpace || done >= 0) {
                out.set(space);
            }
            if (finished(brand, done) && finished(noun, done)) {
                out.set(end);
            }
        }
        if (out.isEmpty()) {
            out.set(end);
        }
        return out;
    }

    private boolean finished(int piece, int done) {
        return piece < 0 || used[piece] || piece == done;
    }

    /** A piece now fully written, or -1. */
    private int completed() {
        for (int p : spelling) {
            if (pieces.get(p).length == offset) {
                return p;
            }
        }
        return -1;
    }

    void take(int token) {
        List<Integer> going = new ArrayList<>();
        for (int p : spelling) {
            if (pieces.get(p).length > offset && pieces.get(p)[offset] == token) {
                going.add(p);
            }
        }
        if (!going.isEmpty()) {
            spelling = going;
            offset++;
            return;
        }
        int done = completed();
        if (done >= 0) {
            used[done] = true;
        }
        spelling = List.of();
        offset = 0;
        afterSpace = token == space;
        if (token == space || token == end) {
            return;
        }
        List<Integer> starting = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            if (!used[p] && pieces.get(p)[0] == token) {
                starting.add(p);
            }
        }
        spelling = starting;
        offset = 1;
    }
}
