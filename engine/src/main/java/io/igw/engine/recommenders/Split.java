package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How interactions are split into what a model learns from and what it is judged on, per user: a random share
 * (seeded), the latest share by time, or the single latest interaction. Users keep at least one training item;
 * users with a single interaction have nothing to test.
 */
public record Split(Interactions train, int[][] test) {
    public enum Kind {
        RANDOM, TIME, LEAVE_LAST;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new InvalidSetting("split", "'" + label + "' must be random, time or leave-last.");
        }
    }

    public static Split of(Interactions all, Kind kind, double trainShare, long seed) {
        if (trainShare <= 0 || trainShare >= 1) {
            throw new InvalidSetting("ratio", "must be between 0 and 1, not " + trainShare);
        }
        Random random = new Random(seed);
        int users = all.users();
        int[] start = new int[users + 1];
        List<int[]> trainRows = new ArrayList<>();
        int[][] test = new int[users][];
        List<Long> trainTimes = new ArrayList<>();
        byte[] kinds = new byte[all.size()];
        int kept = 0;
        for (int u = 0; u < users; u++) {
            int n = all.rowLength(u);
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = all.start[u] + k;
            }
            switch (kind) {
                case RANDOM -> shuffle(order, random);
                case TIME, LEAVE_LAST -> Arrays.sort(order, Comparator.comparingLong((Integer k) -> all.times[k])
                        .thenComparingInt(k -> all.items[k]));
            }
            int keep = n <= 1 ? n : kind == Kind.LEAVE_LAST ? n - 1 : Math.max(1, Math.min(n - 1, (int) Math.round(n * trainShare)));
            int[] trainRow = new int[keep];
            long[] trainRowTimes = new long[keep];
            for (int k = 0; k < keep; k++) {
                trainRow[k] = order[k];
            }
            int[] testRow = new int[n - keep];
            for (int k = keep; k < n; k++) {
                testRow[k - keep] = all.items[order[k]];
            }
            Arrays.sort(trainRow);
            int[] trainItems = new int[keep];
            for (int k = 0; k < keep; k++) {
                trainItems[k] = all.items[trainRow[k]];
                trainRowTimes[k] = all.times[trainRow[k]];
                kinds[kept++] = all.kinds[trainRow[k]];
            }
            // positions were ascending by item within the user, so the items stay ascending
            trainRows.add(trainItems);
            for (long t : trainRowTimes) {
                trainTimes.add(t);
            }
            Arrays.sort(testRow);
            test[u] = testRow;
            start[u + 1] = start[u] + keep;
        }
        int[] items = new int[start[users]];
        for (int u = 0; u < users; u++) {
            System.arraycopy(trainRows.get(u), 0, items, start[u], trainRows.get(u).length);
        }
        long[] times = trainTimes.stream().mapToLong(Long::longValue).toArray();
        String how = kind == Kind.LEAVE_LAST ? "all but the last of each user" : kind.label() + " " + Math.round(trainShare * 100)
                + "% of each user" + (kind == Kind.RANDOM ? ", seed " + seed : "");
        return new Split(all.part(start, items, times, Arrays.copyOf(kinds, kept), how), test);
    }

    private static void shuffle(Integer[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
