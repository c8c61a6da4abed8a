package io.igw.engine.graph;

import java.util.Map;

/**
 * What a graph build made: node and edge counts per kind, as of when, in how long; {@code events} counts every
 * event the build holds, {@code newEvents} those this run added (all of them for a full build, only the new ones
 * for an update, none when the graph was already up to date); {@code madeBy} is "full", "update" or
 * "spark" (a full build whose pass over the events ran as a Spark job).
 */
public record GraphBuildSummary(int buildId, long asOf, double halfLifeDays, long events, long newEvents, String madeBy,
                                Map<String, Long> nodes, Map<String, Long> edges, long evidence, double seconds) {
}
