package io.igw.engine.targeting;

import io.igw.engine.graph.GraphKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One interest to target or exclude, as the command line names it: {@code category:ID}, {@code tag:NAME}, {@code brand:NAME}, {@code item:ID}. */
public record Target(GraphKind kind, String target) {
    public static List<Target> parseAll(List<String> specs, String option) {
        List<Target> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(parse(spec, option));
        }
        return out;
    }

    public static Target parse(String spec, String option) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException(option + " '" + spec + "' must be kind:value, e.g. category:302, tag:wine, brand:Nongfu or item:17.");
        }
        String kind = spec.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = spec.substring(colon + 1).trim();
        GraphKind k = switch (kind) {
            case "category" -> GraphKind.CATEGORY;
            case "tag" -> GraphKind.TAG;
            case "brand" -> GraphKind.BRAND;
            case "item" -> GraphKind.ITEM;
            default -> throw new IllegalArgumentException(option + " '" + spec + "': the kind must be category, tag, brand or item.");
        };
        if ((k == GraphKind.CATEGORY || k == GraphKind.ITEM) && !value.matches("-?\\d+")) {
            throw new IllegalArgumentException(option + " '" + spec + "': a " + kind + " is named by its id, a whole number.");
        }
        return new Target(k, value);
    }

    /** The facet this target names, as {@link io.igw.engine.activity.ItemFacets} keys it. */
    public String key() {
        return kind.label() + ":" + target;
    }

    @Override
    public String toString() {
        return kind.label() + ":" + target;
    }
}
