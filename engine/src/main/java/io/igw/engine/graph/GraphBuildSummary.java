package io.igw.engine.graph;

import java.util.Map;

/** What a graph build made: node and edge counts per kind, from how many events, as of when, in how long. */
public record GraphBuildSummary(int buildId, long asOf, double halfLifeDays, long events, Map<String, Long> nodes,
                                Map<String, Long> edges, long evidence, double seconds) {
}
