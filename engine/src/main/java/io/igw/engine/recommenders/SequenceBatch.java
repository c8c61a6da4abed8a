package io.igw.engine.recommenders;

import java.util.List;

/**
 * Sessions laid out for {@link SequenceNetwork}: one row per session, the last {@code length} actions, padded on
 * the left with item 0; items are shifted by one (row value i+1 is item i). For learning, each position's target is
 * the next action's item; for scoring, only the hidden state of the last position is read.
 */
public record SequenceBatch(int[][] items, int[][] kinds, int[][] gaps, int[][] targets) {
    public int size() {
        return items.length;
    }

    public int length() {
        return items.length == 0 ? 0 : items[0].length;
    }

    /** The sessions to score, each as it stands: positions up to its last action, no targets. */
    static SequenceBatch toScore(List<Session> sessions, int maxLength) {
        int t = 1;
        for (Session s : sessions) {
            t = Math.max(t, Math.min(maxLength, s.length()));
        }
        int b = sessions.size();
        SequenceBatch batch = new SequenceBatch(new int[b][t], new int[b][t], new int[b][t], new int[b][t]);
        for (int r = 0; r < b; r++) {
            batch.fill(r, sessions.get(r), sessions.get(r).length(), t);
        }
        return batch;
    }

    /**
     * The sessions to learn from: each session's actions but the last as input, and at every position the item
     * acted on next as the target. Sessions of one action give nothing to learn and stay all padding.
     */
    static SequenceBatch toLearn(List<Session> sessions, int maxLength) {
        int t = 1;
        for (Session s : sessions) {
            t = Math.max(t, Math.min(maxLength, s.length() - 1));
        }
        int b = sessions.size();
        SequenceBatch batch = new SequenceBatch(new int[b][t], new int[b][t], new int[b][t], new int[b][t]);
        for (int r = 0; r < b; r++) {
            Session s = sessions.get(r);
            int n = s.length() - 1;
            if (n < 1) {
                continue;
            }
            int shown = batch.fill(r, s, n, t);
            for (int p = 0; p < shown; p++) {
                batch.targets[r][t - shown + p] = s.items()[n - shown + p + 1] + 1;
            }
        }
        return batch;
    }

    /** Lays out the first {@code n} actions of {@code s} (at most {@code t}, the latest) at row r; returns how many. */
    private int fill(int r, Session s, int n, int t) {
        int shown = Math.min(n, t);
        int from = n - shown;
        for (int p = 0; p < shown; p++) {
            int k = from + p;
            int at = t - shown + p;
            items[r][at] = s.items()[k] + 1;
            kinds[r][at] = Math.max(0, Math.min(SequenceNetwork.BEHAVIOURS - 1, s.kinds()[k]));
            gaps[r][at] = k == 0 ? 0 : gapBucket(s.times()[k - 1], s.times()[k]);
        }
        return shown;
    }

    /** 0 when either time is unknown, else 1 + log2 of the minutes between (capped at the last bucket). */
    static int gapBucket(long before, long after) {
        if (before <= 0 || after <= 0) {
            return 0;
        }
        double minutes = Math.max(0, after - before) / 60.0;
        int bucket = 1 + (int) Math.floor(Math.log(1 + minutes) / Math.log(2));
        return Math.min(SequenceNetwork.GAPS - 1, bucket);
    }
}
