package io.igw.engine.models;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The small JSON the model stores write: flat maps of figures. */
final class Json {
    private Json() {
    }

    static String of(Map<String, Double> values) {
        return values.entrySet().stream().map(e -> String.format(Locale.ROOT, "\"%s\":%.6f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }
}
