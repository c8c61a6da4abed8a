package io.igw.engine.activity;

import java.util.Arrays;

/**
 * How many of each user's sessions in a time window touched each facet: "6 of Ann's 9 sessions had something from
 * category Phones". A session counts once per facet however many of its events touch it, so a long browse weighs
 * no more than a short one; that is what makes it a steadier measure of interest than counting events. Kept as
 * compressed rows, one per user, for scoring every user fast.
 */
public final class SessionCounts {
    private final int[] sessions;
    private final int[] rowStart;
    private final int[] facet;
    private final int[] count;

    SessionCounts(int[] sessions, int[] rowStart, int[] facet, int[] count) {
        this.sessions = sessions;
        this.rowStart = rowStart;
        this.facet = facet;
        this.count = count;
    }

    /** Counts the sessions of events in {@code [from, to)} (epoch seconds). */
    public static SessionCounts of(ActivityLog log, long from, long to) {
        ItemFacets facets = log.facets();
        int users = log.users();
        int[] sessions = new int[users];
        int[] rowStart = new int[users + 1];
        int[] facetOut = new int[Math.max(16, log.events())];
        int[] countOut = new int[facetOut.length];
        int[] lastSession = new int[facets.count()];
        Arrays.fill(lastSession, -1);
        int[] perUser = new int[facets.count()];
        int[] touched = new int[facets.count()];
        int size = 0;
        int session = -1;
        for (int u = 0; u < users; u++) {
            int touchedCount = 0;
            long previous = Long.MIN_VALUE;
            for (int e = log.firstAtOrAfter(u, from); e < log.end(u) && log.time(e) < to; e++) {
                if (previous == Long.MIN_VALUE || log.time(e) - previous > ActivityLog.SESSION_GAP_SECONDS) {
                    session++;
                    sessions[u]++;
                }
                previous = log.time(e);
                for (int f : facets.of(log.item(e))) {
                    if (lastSession[f] != session) {
                        lastSession[f] = session;
                        if (perUser[f]++ == 0) {
                            touched[touchedCount++] = f;
                        }
                    }
                }
            }
            Arrays.sort(touched, 0, touchedCount);
            if (size + touchedCount > facetOut.length) {
                facetOut = Arrays.copyOf(facetOut, Math.max(size + touchedCount, facetOut.length * 2));
                countOut = Arrays.copyOf(countOut, facetOut.length);
            }
            for (int k = 0; k < touchedCount; k++) {
                facetOut[size] = touched[k];
                countOut[size++] = perUser[touched[k]];
                perUser[touched[k]] = 0;
            }
            rowStart[u + 1] = size;
        }
        return new SessionCounts(sessions, rowStart, Arrays.copyOf(facetOut, size), Arrays.copyOf(countOut, size));
    }

    /**
     * Counts given row by row (for benchmarks and tests): user u's facets are {@code facet[rowStart[u] ..
     * rowStart[u + 1])}, ascending, with their session counts beside them (the arrays may run on past the last row).
     */
    public static SessionCounts ofRows(int[] sessions, int[] rowStart, int[] facet, int[] count) {
        if (rowStart.length != sessions.length + 1 || facet.length != count.length || rowStart[sessions.length] > facet.length) {
            throw new IllegalArgumentException("rows do not match: " + sessions.length + " users, " + facet.length + " entries");
        }
        return new SessionCounts(sessions, rowStart, facet, count);
    }

    /**
     * How many of the user's sessions in {@code [from, to)} touched any of the facets marked in {@code any}: the
     * union that summing per-facet counts overstates when targets overlap (a brand inside a category).
     */
    public static int sessionsTouchingAny(ActivityLog log, int user, boolean[] any, long from, long to) {
        int hits = 0;
        long previous = Long.MIN_VALUE;
        boolean counted = false;
        for (int e = log.firstAtOrAfter(user, from); e < log.end(user) && log.time(e) < to; e++) {
            if (previous == Long.MIN_VALUE || log.time(e) - previous > ActivityLog.SESSION_GAP_SECONDS) {
                counted = false;
            }
            previous = log.time(e);
            if (!counted) {
                for (int f : log.facets().of(log.item(e))) {
                    if (any[f]) {
                        hits++;
                        counted = true;
                        break;
                    }
                }
            }
        }
        return hits;
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

    public int count(int entry) {
        return count[entry];
    }

    /** Sessions of the user that touched {@code f}. */
    public int countOf(int user, int f) {
        int at = Arrays.binarySearch(facet, rowStart[user], rowStart[user + 1], f);
        return at >= 0 ? count[at] : 0;
    }
}
