package io.igw.engine.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The window an event time must fall in: from 1990 (before any e-commerce log) to a year from now. */
final class PlausibleTime {
    static final long MIN_SECONDS = LocalDate.of(1990, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    static final long MAX_SECONDS = Instant.now().getEpochSecond() + 366L * 86_400L;

    private PlausibleTime() {
    }

    static boolean contains(long epochSeconds) {
        return epochSeconds >= MIN_SECONDS && epochSeconds <= MAX_SECONDS;
    }

    static String describeRange() {
        return Instant.ofEpochSecond(MIN_SECONDS).toString().substring(0, 10) + ".."
                + Instant.ofEpochSecond(MAX_SECONDS).toString().substring(0, 10);
    }
}
