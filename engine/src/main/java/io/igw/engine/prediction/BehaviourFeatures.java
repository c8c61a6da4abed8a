package io.igw.engine.prediction;

import io.igw.engine.activity.ActivityLog;
import io.igw.engine.activity.ItemFacets;
import io.igw.storage.Behaviour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user's behaviour before a cutoff says about them, as numbers a model can learn from: recency, frequency
 * and purchases (RFM), counts and recency per behaviour, sessions (how many, how long, how far apart, how many
 * lately), how widely they spread over categories, how unusual their present silence is for them, and optionally a
 * learned user vector. Every event before the cutoff counts: a window of fixed length would cut a departed user's
 * history short at a later cutoff and make them look like a light user, which is not what the model learned from.
 */
final class BehaviourFeatures {
    private static final Behaviour[] BEHAVIOURS = {Behaviour.VIEW, Behaviour.FAV, Behaviour.CART, Behaviour.BUY, Behaviour.RATE};
    private static final double DAY = 86_400.0;

    /** How many columns describe behaviour (the user vector, if any, follows). */
    static final int BEHAVIOUR_COLUMNS = 24;

    /** The RFM columns the baseline model uses: recency, sessions, purchases. */
    static final int[] RFM = {0, 2, 14};

    private BehaviourFeatures() {
    }

    /** One row per user active in the window: the users (log numbers) and their features. */
    record Rows(int[] users, float[][] x, List<String> names) {
    }

    static List<String> names(int embedding) {
        List<String> names = new ArrayList<>(List.of("days since last visit", "days since first visit", "sessions",
                "active days", "sessions in the last 7 days", "sessions in the last 14 days", "events per session",
                "minutes per session", "days between sessions", "categories browsed", "category spread"));
        for (Behaviour b : BEHAVIOURS) {
            names.add(b.label() + " events");
        }
        for (Behaviour b : BEHAVIOURS) {
            names.add("days since last " + b.label());
        }
        names.add("purchases per view");
        names.add("visits missed at the usual pace");
        names.add("silence in usual gaps");
        for (int d = 0; d < embedding; d++) {
            names.add("user vector " + d);
        }
        return names;
    }

    /**
     * @param vectors learned user vectors by log user number (entries may be null), or null for none
     */
    static Rows of(ActivityLog log, long cutoff, float[][] vectors) {
        int embedding = 0;
        if (vectors != null) {
            for (float[] v : vectors) {
                if (v != null) {
                    embedding = v.length;
                    break;
                }
            }
        }
        long from = log.firstTime();
        double lookbackDays = (cutoff - from) / DAY;
        ItemFacets facets = log.facets();
        boolean[] category = new boolean[facets.count()];
        for (int f = 0; f < category.length; f++) {
            category[f] = facets.key(f).startsWith("category:");
        }
        List<Integer> users = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        int width = names(embedding).size();
        for (int u = 0; u < log.users(); u++) {
            int first = log.firstAtOrAfter(u, from);
            int end = log.firstAtOrAfter(u, cutoff);
            if (first >= end) {
                continue;
            }
            float[] x = new float[width];
            int sessions = 0;
            int recentWeek = 0;
            int recentFortnight = 0;
            double sessionSeconds = 0;
            long sessionStart = 0;
            long previous = Long.MIN_VALUE;
            java.util.Set<Long> days = new java.util.HashSet<>();
            int[] counts = new int[BEHAVIOURS.length];
            long[] lastOf = new long[BEHAVIOURS.length];
            Map<Integer, Integer> perCategory = new HashMap<>();
            for (int e = first; e < end; e++) {
                long t = log.time(e);
                if (previous == Long.MIN_VALUE || t - previous > ActivityLog.SESSION_GAP_SECONDS) {
                    if (previous != Long.MIN_VALUE) {
                        sessionSeconds += previous - sessionStart;
                    }
                    sessions++;
                    sessionStart = t;
                    recentWeek += cutoff - t <= 7 * DAY ? 1 : 0;
                    recentFortnight += cutoff - t <= 14 * DAY ? 1 : 0;
                }
                previous = t;
                days.add(Math.floorDiv(t, 86_400L));
                int b = log.behaviour(e) - 1;
                if (b >= 0 && b < counts.length) {
                    counts[b]++;
                    lastOf[b] = t;
                }
                for (int f : facets.of(log.item(e))) {
                    if (category[f]) {
                        perCategory.merge(f, 1, Integer::sum);
                    }
                }
            }
            sessionSeconds += previous - sessionStart;
            int events = end - first;
            x[0] = (float) ((cutoff - log.time(end - 1)) / DAY);
            x[1] = (float) ((cutoff - log.time(first)) / DAY);
            x[2] = (float) Math.log1p(sessions);
            x[3] = (float) Math.log1p(days.size());
            x[4] = recentWeek;
            x[5] = recentFortnight;
            x[6] = (float) Math.log1p((double) events / sessions);
            x[7] = (float) Math.log1p(sessionSeconds / 60.0 / sessions);
            x[8] = (float) (sessions > 1 ? (log.time(end - 1) - log.time(first)) / DAY / (sessions - 1) : lookbackDays);
            x[9] = (float) Math.log1p(perCategory.size());
            x[10] = (float) entropy(perCategory, events);
            for (int b = 0; b < BEHAVIOURS.length; b++) {
                x[11 + b] = (float) Math.log1p(counts[b]);
                x[16 + b] = counts[b] == 0 ? (float) lookbackDays : (float) ((cutoff - lastOf[b]) / DAY);
            }
            x[21] = (float) ((counts[3] + 0.1) / (counts[0] + 1.0));
            // how unusual the silence is for this user: a daily visitor gone 5 days is not a monthly one gone 5 days
            double usualGap = Math.max(1.0 / 24, (cutoff - log.time(first)) / DAY / sessions);
            x[22] = (float) (x[0] * sessions / lookbackDays);
            x[23] = (float) Math.log1p(x[0] / usualGap);
            if (embedding > 0 && vectors[u] != null) {
                System.arraycopy(vectors[u], 0, x, BEHAVIOUR_COLUMNS, embedding);
            }
            users.add(u);
            rows.add(x);
        }
        return new Rows(users.stream().mapToInt(Integer::intValue).toArray(), rows.toArray(new float[0][]), names(embedding));
    }

    private static double entropy(Map<Integer, Integer> counts, int total) {
        double h = 0;
        int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
        for (int c : counts.values()) {
            double p = (double) c / Math.max(1, sum);
            h -= p * Math.log(p);
        }
        return total == 0 ? 0 : h;
    }
}
