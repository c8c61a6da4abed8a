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

    /**
     * One row per user active before the cutoff (or per user and category they touched): the users (log numbers),
     * the category facet of each row (-1 for user rows), and the features.
     */
    record Rows(int[] users, int[] categories, float[][] x, List<String> names) {
        boolean byCategory() {
            return categories.length > 0 && categories[0] >= 0;
        }
    }

    /** Columns a user × category row adds after the user's own (before any user vector). */
    static final int PAIR_COLUMNS = 4;

    /** The baseline's columns for user × category rows: recency, and the user's sessions, purchases and recency in the category. */
    static final int[] PAIR_RFM = {0, BEHAVIOUR_COLUMNS, BEHAVIOUR_COLUMNS + 2, BEHAVIOUR_COLUMNS + 3};

    /**
     * Expands user rows into one row per user and category they touched before the cutoff: the user's features,
     * then their share of sessions in the category, events and purchases in it, and days since their last event
     * in it; the user vector, if any, follows.
     */
    static Rows byCategory(ActivityLog log, long cutoff, Rows users) {
        List<Integer> who = new ArrayList<>();
        List<Integer> what = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < users.users().length; r++) {
            int u = users.users()[r];
            Map<Integer, float[]> perCategory = new java.util.LinkedHashMap<>();
            Map<Integer, Integer> lastSession = new HashMap<>();
            int session = 0;
            long previous = Long.MIN_VALUE;
            int end = log.firstAtOrAfter(u, cutoff);
            for (int e = log.start(u); e < end; e++) {
                if (previous != Long.MIN_VALUE && log.time(e) - previous > ActivityLog.SESSION_GAP_SECONDS) {
                    session++;
                }
                previous = log.time(e);
                int c = log.facets().category(log.item(e));
                if (c < 0) {
                    continue;
                }
                float[] f = perCategory.computeIfAbsent(c, k -> new float[4]);
                if (!Integer.valueOf(session).equals(lastSession.put(c, session))) {
                    f[0]++;
                }
                f[1]++;
                f[2] += log.behaviour(e) == Behaviour.BUY.code() ? 1 : 0;
                f[3] = log.time(e);
            }
            float[] base = users.x()[r];
            int embedding = base.length - BEHAVIOUR_COLUMNS;
            for (Map.Entry<Integer, float[]> c : perCategory.entrySet()) {
                float[] f = c.getValue();
                float[] x = new float[base.length + PAIR_COLUMNS];
                System.arraycopy(base, 0, x, 0, BEHAVIOUR_COLUMNS);
                x[BEHAVIOUR_COLUMNS] = f[0] / (session + 1);
                x[BEHAVIOUR_COLUMNS + 1] = (float) Math.log1p(f[1]);
                x[BEHAVIOUR_COLUMNS + 2] = (float) Math.log1p(f[2]);
                x[BEHAVIOUR_COLUMNS + 3] = (float) ((cutoff - (long) f[3]) / DAY);
                System.arraycopy(base, BEHAVIOUR_COLUMNS, x, BEHAVIOUR_COLUMNS + PAIR_COLUMNS, embedding);
                who.add(u);
                what.add(c.getKey());
                rows.add(x);
            }
        }
        List<String> names = new ArrayList<>(users.names().subList(0, BEHAVIOUR_COLUMNS));
        names.addAll(List.of("share of sessions in the category", "events in the category", "purchases in the category",
                "days since the last event in the category"));
        names.addAll(users.names().subList(BEHAVIOUR_COLUMNS, users.names().size()));
        return new Rows(who.stream().mapToInt(Integer::intValue).toArray(), what.stream().mapToInt(Integer::intValue).toArray(),
                rows.toArray(new float[0][]), names);
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
        int[] none = new int[users.size()];
        java.util.Arrays.fill(none, -1);
        return new Rows(users.stream().mapToInt(Integer::intValue).toArray(), none, rows.toArray(new float[0][]), names(embedding));
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
