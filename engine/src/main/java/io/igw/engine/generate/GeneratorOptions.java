package io.igw.engine.generate;

import io.igw.engine.errors.InvalidSetting;
import java.time.LocalDate;

/**
 * What to generate: how many users (or, for benchmarks, roughly how many events), from which seed, over how many
 * days from which start.
 */
public record GeneratorOptions(int users, long seed, int days, LocalDate start, long maxEvents) {
    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 9, 1);

    public GeneratorOptions {
        if (users < 1) {
            throw new InvalidSetting("users", "must be at least 1, not " + users);
        }
        if (days < 30) {
            throw new IllegalArgumentException("the simulation covers at least 30 days");
        }
    }

    public static GeneratorOptions of(int users, long seed) {
        return new GeneratorOptions(users, seed, 35, DEFAULT_START, Long.MAX_VALUE);
    }

    /** More than enough users for {@code events} events (users average about 90), stopping at exactly that many. */
    public static GeneratorOptions forEvents(long events, long seed) {
        int users = (int) Math.max(1, Math.min(Integer.MAX_VALUE, events / 75 + 1));
        return new GeneratorOptions(users, seed, 35, DEFAULT_START, events);
    }
}
