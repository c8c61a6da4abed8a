package io.igw.storage.graph;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One complete build of the interest graph and how it was made: as of when, with which parameters, from which
 * datasets ({@code dataVersion} is "datasets 1,2,3"), by a full build or an update of {@code basedOn}, and the
 * snapshot name it is pinned as (null when it is not).
 */
public record GraphBuild(int id, Instant builtAt, long asOf, double halfLifeDays, String parameters, String dataVersion,
                         long events, double seconds, String madeBy, Integer basedOn, String pinnedAs) {
    /** The event datasets the build covers. */
    public List<Integer> datasets() {
        String ids = dataVersion.startsWith("datasets ") ? dataVersion.substring("datasets ".length()) : dataVersion;
        return ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
