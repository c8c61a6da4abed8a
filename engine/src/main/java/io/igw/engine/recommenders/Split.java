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
 * users with a single interaction have nothing to test. The cold-items split holds out a seeded share of the
 * <em>items</em> instead, with every interaction anyone had with them: the items stay in the catalogue that models
 * rank, but no one has touched them in training, so only a model that reads what an item is can recommend them
 * (users left with no training items have nothing to test).
 */
public record Split(Interactions train, int[][] test) {
    public enum Kind {
        RANDOM, TIME, LEAVE_LAST, COLD_ITEMS;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new InvalidSetting("split", "'" + label + "' must be random, time, leave-last or cold-items.");
        }
    }

    public static Split of(Interactions all, Kind kind, double trainShare, long seed) {
        if (trainShare <= 0 || trainShare >= 1) {
            throw new InvalidSetting("ratio", "must be between 0 and 1, not " + trainShare);
        }
        if (kind == Kind.COLD_ITEMS) {
            return coldItems(all, trainShare, seed);
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

    /** Holds out a seeded {@code 1 - trainShare} of the items with all their interactions. */
    private static Split coldItems(Interactions all, double trainShare, long seed) {
        Integer[] order = new Integer[all.items()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle(order, new Random(seed));
        boolean[] cold = new boolean[all.items()];
        int held = (int) Math.round(all.items() * (1 - trainShare));
        for (int n = 0; n < held; n++) {
            cold[order[n]] = true;
        }
        int users = all.users();
        int[] start = new int[users + 1];
        int[] items = new int[all.size()];
        long[] times = new long[all.size()];
        byte[] kinds = new byte[all.size()];
        int[][] test = new int[users][];
        int kept = 0;
        for (int u = 0; u < users; u++) {
            List<Integer> testRow = new ArrayList<>();
            for (int k = all.start[u]; k < all.start[u + 1]; k++) {
                if (cold[all.items[k]]) {
                    testRow.add(all.items[k]);
                } else {
                    items[kept] = all.items[k];
                    times[kept] = all.times[k];
                    kinds[kept++] = all.kinds[k];
                }
            }
            start[u + 1] = kept;
            boolean nothingToLearnFrom = start[u + 1] == start[u];
            test[u] = nothingToLearnFrom ? new int[0] : testRow.stream().mapToInt(Integer::intValue).toArray();
        }
        String how = Math.round((1 - trainShare) * 100) + "% of items held out with all their interactions, seed " + seed;
        return new Split(all.part(start, Arrays.copyOf(items, kept), Arrays.copyOf(times, kept),
                Arrays.copyOf(kinds, kept), how), test);
    }

    /** How many users have something to be judged on. */
    public int judgedUsers() {
        int n = 0;
        for (int[] t : test) {
            n += t.length > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The same split judged on a seeded sample of at most {@code max} of the users with something to test (the others'
     * test rows emptied; everyone keeps their training rows), so that ranking stays cheap on large workspaces.
     */
    public Split judgedOnAtMost(int max, long seed) {
        int judged = judgedUsers();
        if (judged <= max) {
            return this;
        }
        int[] who = new int[judged];
        int n = 0;
        for (int u = 0; u < test.length; u++) {
            if (test[u].length > 0) {
                who[n++] = u;
            }
        }
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) {  // a partial Fisher–Yates: the first max are a uniform sample
            int j = i + random.nextInt(judged - i);
            int t = who[i];
            who[i] = who[j];
            who[j] = t;
        }
        int[][] sampled = new int[test.length][];
        Arrays.fill(sampled, new int[0]);
        for (int i = 0; i < max; i++) {
            sampled[who[i]] = test[who[i]];
        }
        return new Split(train, sampled);
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
