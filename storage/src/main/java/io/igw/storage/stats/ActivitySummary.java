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
    private static final int CODES = Behaviour.values().length + 1;

    // decision: counts live in one flat array indexed by (day - baseDay) * CODES + code, grown as days appear, so
    // counting an event costs no allocation on the import's hot path
    private long[] counts = new long[64 * CODES];
    private long baseDay = Long.MIN_VALUE;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    public void add(long epochSecond, byte behaviourCode) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (baseDay == Long.MIN_VALUE) {
            baseDay = day - 32;
        }
        if (day < baseDay) {
            long shift = baseDay - day + 32;
            long[] grown = new long[Math.toIntExact(counts.length + shift * CODES)];
            System.arraycopy(counts, 0, grown, Math.toIntExact(shift * CODES), counts.length);
            counts = grown;
            baseDay -= shift;
        }
        long index = (day - baseDay) * CODES + behaviourCode;
        if (index >= counts.length) {
            counts = java.util.Arrays.copyOf(counts, Math.toIntExact(Math.max(index + 1, counts.length * 2L)));
        }
        counts[(int) index]++;
        if (epochSecond < first) {
            first = epochSecond;
        }
        if (epochSecond > last) {
            last = epochSecond;
        }
    }

    public boolean isEmpty() {
        return first == Long.MAX_VALUE;
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
        for (int d = 0; d * CODES < counts.length; d++) {
            long[] day = java.util.Arrays.copyOfRange(counts, d * CODES, d * CODES + CODES);
            if (java.util.Arrays.stream(day).anyMatch(n -> n > 0)) {
                out.put(LocalDate.ofEpochDay(baseDay + d), day);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
