package io.igw.viz.graph;

import java.util.Map;

/**
 * The explorer's GraphStream style sheet: a shape per node kind, a colour per kind or per community, the centre
 * ringed and the selection outlined. GraphStream lets a class rule win over an element's own {@code ui.style}, so
 * every (kind, colour) pair gets a class of its own: {@code user} or {@code user_c3}. Sizes and edge shades are
 * dynamic ({@code ui.size}, {@code ui.color}), so that thousands of elements share a handful of style groups: a
 * style of its own per element would make GraphStream draw each one separately.
 */
final class Styles {
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    private static final String NO_COMMUNITY = "#cccccc";
    private static final Map<String, String[]> KINDS = Map.of(
            "user", new String[]{"#4e79a7", "circle"},
            "category", new String[]{"#f28e2b", "box"},
            "tag", new String[]{"#59a14f", "diamond"},
            "brand", new String[]{"#b07aa1", "triangle"},
            "item", new String[]{"#e15759", "circle"},
            "community", new String[]{"#76b7b2", "circle"},
            "overview", new String[]{"#bab0ac", "circle"});
    static final String SHEET = sheet();

    private Styles() {
    }

    /** The class of a node of this kind, coloured by its kind or, when {@code community} is not null, by it. */
    static String classOf(String kind, Integer community) {
        String k = KINDS.containsKey(kind) ? kind : "user";
        if (community == null) {
            return k;
        }
        return k + "_c" + (community <= 0 ? 0 : (community - 1) % PALETTE.length + 1);
    }

    private static String sheet() {
        StringBuilder s = new StringBuilder("""
                graph { padding: 40px; fill-color: #ffffff; }
                node { size-mode: dyn-size; size: 10px; fill-color: #888888; stroke-mode: plain; stroke-color: #ffffff; stroke-width: 1px;
                       text-size: 11; text-color: #222222; text-alignment: under; text-background-mode: rounded-box;
                       text-background-color: rgba(255,255,255,180); text-padding: 1px; }
                edge { size-mode: dyn-size; size: 1px; fill-mode: dyn-plain;
                       fill-color: rgba(190,190,190,90), rgba(70,70,70,220); }
                """);
        KINDS.forEach((kind, look) -> {
            s.append("node.").append(kind).append(" { fill-color: ").append(look[0]).append("; shape: ").append(look[1]).append("; }\n");
            s.append("node.").append(kind).append("_c0 { fill-color: ").append(NO_COMMUNITY).append("; shape: ").append(look[1]).append("; }\n");
            for (int c = 0; c < PALETTE.length; c++) {
                s.append("node.").append(kind).append("_c").append(c + 1).append(" { fill-color: ").append(PALETTE[c])
                        .append("; shape: ").append(look[1]).append("; }\n");
            }
        });
        s.append("node.centre { fill-color: #222222; stroke-color: #f28e2b; stroke-width: 3px; text-style: bold; }\n");
        s.append("node:selected { stroke-color: #d62728; stroke-width: 4px; }\n");
        return s.toString();
    }
}
