package io.igw.storage.stats;

import io.igw.storage.Behaviour;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Events per day and behaviour, and the first and last event time, gathered while importing so that charts and
 * statistics never scan the events. Small: one entry per active day.
 */
public final class ActivitySummary {
    private final TreeMap<Long, long[]> perDay = new TreeMap<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    public void add(long epochSecond, byte behaviourCode) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        perDay.computeIfAbsent(day, d -> new long[Behaviour.values().length + 1])[behaviourCode]++;
        if (epochSecond < first) {
            first = epochSecond;
        }
        if (epochSecond > last) {
            last = epochSecond;
        }
    }

    public boolean isEmpty() {
        return perDay.isEmpty();
    }

    public long firstEventTime() {
        return first;
    }

    public long lastEventTime() {
        return last;
    }

    /** Day → counts indexed by behaviour code. */
    public Map<LocalDate, long[]> perDay() {
        TreeMap<LocalDate, long[]> out = new TreeMap<>();
        perDay.forEach((d, counts) -> out.put(LocalDate.ofEpochDay(d), counts.clone()));
        return Collections.unmodifiableMap(out);
    }
}
