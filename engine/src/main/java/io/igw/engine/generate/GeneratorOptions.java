package io.igw.engine.generate;

import io.igw.engine.errors.InvalidSetting;
import java.time.LocalDate;

/**
 * What to generate: how many users (or, for benchmarks, roughly how many events), from which seed, over how many
 * days from which start, and how many items (0: sized from the users).
 */
public record GeneratorOptions(int users, long seed, int days, LocalDate start, long maxEvents, int items) {
    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 9, 1);

    public GeneratorOptions {
        if (users < 1) {
            throw new InvalidSetting("users", "must be at least 1, not " + users);
        }
        if (days < 30) {
            throw new IllegalArgumentException("the simulation covers at least 30 days");
        }
        if (items < 0) {
            throw new InvalidSetting("items", "must be at least 1, not " + items);
        }
    }

    public GeneratorOptions(int users, long seed, int days, LocalDate start, long maxEvents) {
        this(users, seed, days, start, maxEvents, 0);
    }

    /**
     * The same with a catalogue of about {@code items} items, spread evenly over the leaf categories (at least 10 in
     * each, which the planted bundles draw from).
     */
    public GeneratorOptions withItems(int items) {
        if (items < 1) {
            throw new InvalidSetting("items", "must be at least 1, not " + items);
        }
        return new GeneratorOptions(users, seed, days, start, maxEvents, items);
    }

    /**
     * Items per leaf category: as asked, or by default a sixth of the users (40 to 2,000), so that a small log is
     * not spread over a huge catalogue.
     */
    int itemsPerLeaf(int leaves) {
        if (items > 0) {
            return Math.max(10, (int) Math.ceil(items / (double) leaves));
        }
        return (int) Math.max(40, Math.min(2000, users / 6L));
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
