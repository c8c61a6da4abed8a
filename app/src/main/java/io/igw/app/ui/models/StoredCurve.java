package io.igw.app.ui.models;

import io.igw.engine.models.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the training curve the registry keeps as JSON ({"epoch":1,"loss":…,"ndcg":…,"seconds":…,"best":…}). */
final class StoredCurve {
    private static final Pattern POINT = Pattern.compile(
            "\\{\"epoch\":(\\d+),\"loss\":([^,]+),\"ndcg\":([^,]+),\"seconds\":([^,]+),\"best\":(true|false)}");

    private StoredCurve() {
    }

    static List<Training.Epoch> parse(String json) {
        List<Training.Epoch> out = new ArrayList<>();
        Matcher m = POINT.matcher(json == null ? "" : json);
        while (m.find()) {
            out.add(new Training.Epoch(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)),
                    number(m.group(4)), 0, Boolean.parseBoolean(m.group(5))));
        }
        return out;
    }

    private static double number(String s) {
        return "null".equals(s) ? Double.NaN : Double.parseDouble(s);
    }
}
