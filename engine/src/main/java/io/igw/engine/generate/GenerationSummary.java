package io.igw.engine.generate;

import java.nio.file.Path;

/** What a generator run wrote. */
public record GenerationSummary(Path folder, long users, long items, long categories, long events, long reviews,
                                long bundles, long churnedUsers, double seconds) {
}
