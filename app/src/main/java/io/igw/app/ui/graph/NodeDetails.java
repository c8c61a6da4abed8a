package io.igw.app.ui.graph;

import java.util.List;
import java.util.Map;

/**
 * What the side panel shows for a clicked node: a title, a few facts, the shares to chart (a user's interests, or
 * the users most interested in a category), and the evidence behind the strongest of them; for a user, the
 * categories the newest sequence model expects them to act on next ({@code likelyNext}, empty without one).
 */
public record NodeDetails(String key, String title, List<String> facts, String chartTitle, Map<String, Double> shares,
                          List<String> evidence, String likelyNextTitle, Map<String, Double> likelyNext) {
    public NodeDetails(String key, String title, List<String> facts, String chartTitle, Map<String, Double> shares,
                       List<String> evidence) {
        this(key, title, facts, chartTitle, shares, evidence, "", Map.of());
    }
}
