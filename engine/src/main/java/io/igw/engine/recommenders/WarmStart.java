package io.igw.engine.recommenders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts a network for new data from one trained on older data: every weight but the item table is copied; an item
 * the old network learned keeps its row, and a new one (or one nobody had acted on) starts from the mean row of the
 * learned items that share its category or brand, or the mean of all learned rows when it shares neither.
 */
final class WarmStart {
    private WarmStart() {
    }

    /**
     * @param groupsOf an item id's categories and brand, as any strings that name them (empty when unknown)
     * @return how many items started from their category's and brand's mean
     */
    static int copy(SequenceNetwork from, Interactions before, SequenceNetwork to, Interactions data,
                    LongFunction<List<String>> groupsOf) {
        Map<String, INDArray> target = to.weights();
        from.weights().forEach((name, array) -> {
            if (!name.equals(SequenceNetwork.ITEM_TABLE)) {
                target.get(name).assign(array);
            }
        });
        INDArray oldRows = from.itemEmbedding();
        INDArray newRows = to.itemEmbedding();
        int[] counts = before.itemCounts();
        int width = (int) newRows.columns();
        Map<String, float[]> sums = new HashMap<>();
        Map<String, Integer> members = new HashMap<>();
        float[] all = new float[width];
        int learned = 0;
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < data.items(); i++) {
            int old = before.itemIndex(data.itemId(i));
            if (old < 0 || counts[old] == 0) {
                fresh.add(i);
                continue;
            }
            float[] row = oldRows.getRow(old + 1).toFloatVector();
            newRows.getRow(i + 1).assign(Nd4j.createFromArray(row));
            add(all, row);
            learned++;
            for (String g : groupsOf.apply(data.itemId(i))) {
                add(sums.computeIfAbsent(g, x -> new float[width]), row);
                members.merge(g, 1, Integer::sum);
            }
        }
        int fromGroups = 0;
        for (int i : fresh) {
            float[] start = new float[width];
            int groups = 0;
            for (String g : groupsOf.apply(data.itemId(i))) {
                if (members.containsKey(g)) {
                    addScaled(start, sums.get(g), 1f / members.get(g));
                    groups++;
                }
            }
            if (groups > 0) {
                scale(start, 1f / groups);
                fromGroups++;
            } else if (learned > 0) {
                addScaled(start, all, 1f / learned);
            } else {
                continue;
            }
            newRows.getRow(i + 1).assign(Nd4j.createFromArray(start));
        }
        return fromGroups;
    }

    /** Each user of {@code data} with an action {@code before} does not hold (a new pair, or a newer time on one). */
    static boolean[] usersWithNewActions(Interactions before, Interactions data) {
        boolean[] changed = new boolean[data.users()];
        for (int u = 0; u < data.users(); u++) {
            int old = before.userIndex(data.userId(u));
            changed[u] = old < 0 || before.rowLength(old) != data.rowLength(u) || latest(before, old) != latest(data, u);
        }
        return changed;
    }

    private static long latest(Interactions in, int u) {
        long t = Long.MIN_VALUE;
        for (int k = in.start[u]; k < in.start[u + 1]; k++) {
            t = Math.max(t, in.times[k]);
        }
        return t;
    }

    private static void add(float[] sum, float[] row) {
        addScaled(sum, row, 1f);
    }

    private static void addScaled(float[] sum, float[] row, float by) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += row[c] * by;
        }
    }

    private static void scale(float[] v, float by) {
        for (int c = 0; c < v.length; c++) {
            v[c] *= by;
        }
    }
}
