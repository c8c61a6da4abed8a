package io.igw.storage.graph;

import java.time.Instant;

/** One complete build of the interest graph and how it was made. */
public record GraphBuild(int id, Instant builtAt, long asOf, double halfLifeDays, String parameters, String dataVersion,
                         long events, double seconds) {
}
