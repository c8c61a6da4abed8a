package io.igw.engine.report;

import io.igw.engine.errors.InvalidSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The parts a report can have, in the order they appear. */
public enum ReportSection {
    DATASETS("Datasets"), GRAPH("Interest graph"), MODELS("Models"), AUDIENCES("Audiences"), CREATIVES("Creatives"), PREDICTIONS("Predictions"),
    RULES("Association rules");

    private final String title;

    ReportSection(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From {@code --sections datasets,graph,...}; empty or null means all of them. */
    public static List<ReportSection> parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(values());
        }
        List<ReportSection> out = new ArrayList<>();
        for (String n : names) {
            ReportSection found = null;
            for (ReportSection s : values()) {
                if (s.label().equalsIgnoreCase(n.trim())) {
                    found = s;
                }
            }
            if (found == null) {
                throw new InvalidSetting("sections", "'" + n + "' is not a section; choose from datasets, graph, "
                        + "models, audiences, creatives, predictions, rules");
            }
            if (!out.contains(found)) {
                out.add(found);
            }
        }
        out.sort(null);
        return out;
    }
}
