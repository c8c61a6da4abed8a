package io.igw.engine.activity;

import java.util.Arrays;

/**
 * How much of each user's activity in a time window went to each facet, session by session: each session counts
 * once, split among the facets by the share of its events that touched them. "Ann's 9 sessions, 6.0 of them on
 * category Phones": a long browse weighs no more than a short one (a steadier measure of interest than counting
 * events), and a log whose sessions are long and mixed (a ratings log: whole catalogues rated in one sitting) still
 * separates a user's tastes instead of marking every session as touching everything. Kept as compressed rows, one
 * per user, for scoring every user fast.
 */
public final class SessionCounts {
    private final int[] sessions;
    private final int[] rowStart;
    private final int[] facet;
    private final float[] weight;

    SessionCounts(int[] sessions, int[] rowStart, int[] facet, float[] weight) {
        this.sessions = sessions;
        this.rowStart = rowStart;
        this.facet = facet;
        this.weight = weight;
    }

    /** Weighs the sessions of events in {@code [from, to)} (epoch seconds). */
    public static SessionCounts of(ActivityLog log, long from, long to) {
        ItemFacets facets = log.facets();
        int users = log.users();
        int[] sessions = new int[users];
        int[] rowStart = new int[users + 1];
        int[] facetOut = new int[Math.max(16, log.events())];
        float[] weightOut = new float[facetOut.length];
        float[] perUser = new float[facets.count()];
        int[] perSession = new int[facets.count()];
        int[] touched = new int[facets.count()];
        int[] inSession = new int[facets.count()];
        int size = 0;
        for (int u = 0; u < users; u++) {
            int touchedCount = 0;
            int sessionFacets = 0;
            int sessionEvents = 0;
            long previous = Long.MIN_VALUE;
            int end = log.end(u);
            for (int e = log.firstAtOrAfter(u, from); ; e++) {
                boolean over = e >= end || log.time(e) >= to;
                if (over || (previous != Long.MIN_VALUE && log.time(e) - previous > ActivityLog.SESSION_GAP_SECONDS)) {
                    for (int k = 0; k < sessionFacets; k++) { // close the session: share its weight out
                        int f = inSession[k];
                        if (perUser[f] == 0) {
                            touched[touchedCount++] = f;
                        }
                        perUser[f] += (float) perSession[f] / sessionEvents;
                        perSession[f] = 0;
                    }
                    sessionFacets = 0;
                    sessionEvents = 0;
                }
                if (over) {
                    break;
                }
                if (previous == Long.MIN_VALUE || log.time(e) - previous > ActivityLog.SESSION_GAP_SECONDS) {
                    sessions[u]++;
                }
                previous = log.time(e);
                sessionEvents++;
                for (int f : facets.of(log.item(e))) {
                    if (perSession[f]++ == 0) {
                        inSession[sessionFacets++] = f;
                    }
                }
            }
            Arrays.sort(touched, 0, touchedCount);
            if (size + touchedCount > facetOut.length) {
                facetOut = Arrays.copyOf(facetOut, Math.max(size + touchedCount, facetOut.length * 2));
                weightOut = Arrays.copyOf(weightOut, facetOut.length);
            }
            for (int k = 0; k < touchedCount; k++) {
                facetOut[size] = touched[k];
                weightOut[size++] = perUser[touched[k]];
                perUser[touched[k]] = 0;
            }
            rowStart[u + 1] = size;
        }
        return new SessionCounts(sessions, rowStart, Arrays.copyOf(facetOut, size), Arrays.copyOf(weightOut, size));
    }

    /**
     * Counts given row by row (for benchmarks and tests): user u's facets are {@code facet[rowStart[u] ..
     * rowStart[u + 1])}, ascending, with their session weights beside them (the arrays may run on past the last row).
     */
    public static SessionCounts ofRows(int[] sessions, int[] rowStart, int[] facet, float[] weight) {
        if (rowStart.length != sessions.length + 1 || facet.length != weight.length || rowStart[sessions.length] > facet.length) {
            throw new IllegalArgumentException("rows do not match: " + sessions.length + " users, " + facet.length + " entries");
        }
        return new SessionCounts(sessions, rowStart, facet, weight);
    }

    /**
     * The user's session weight in {@code [from, to)} that went to any of the facets marked in {@code any} (each
     * session: the share of its events touching one of them): the union that summing per-facet weights overstates
     * when targets overlap (a brand inside a category).
     */
    public static float weightOfAny(ActivityLog log, int user, boolean[] any, long from, long to) {
        float total = 0;
        int hits = 0;
        int events = 0;
        long previous = Long.MIN_VALUE;
        int end = log.end(user);
        for (int e = log.firstAtOrAfter(user, from); ; e++) {
            boolean over = e >= end || log.time(e) >= to;
            if (over || (previous != Long.MIN_VALUE && log.time(e) - previous > ActivityLog.SESSION_GAP_SECONDS)) {
                total += events == 0 ? 0 : (float) hits / events;
                hits = 0;
                events = 0;
            }
            if (over) {
                return total;
            }
            previous = log.time(e);
            events++;
            for (int f : log.facets().of(log.item(e))) {
                if (any[f]) {
                    hits++;
                    break;
                }
            }
        }
    }

    public int users() {
        return sessions.length;
    }

    /** The user's sessions in the window. */
    public int sessions(int user) {
        return sessions[user];
    }

    public int rowStart(int user) {
        return rowStart[user];
    }

    public int rowEnd(int user) {
        return rowStart[user + 1];
    }

    public int facet(int entry) {
        return facet[entry];
    }

    /** How many sessions' worth of the user's activity went to the entry's facet. */
    public float weight(int entry) {
        return weight[entry];
    }

    /** The user's session weight on facet {@code f}. */
    public float weightOf(int user, int f) {
        int at = Arrays.binarySearch(facet, rowStart[user], rowStart[user + 1], f);
        return at >= 0 ? weight[at] : 0;
    }
}
