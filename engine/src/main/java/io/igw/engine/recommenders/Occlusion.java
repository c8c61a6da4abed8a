package io.igw.engine.recommenders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Explains any model's recommendations by occlusion: score the user's history with each item left out in turn and
 * credit each recommended item's loss of score to the item left out. One scoring per history item explains every
 * recommended item at once; long histories are explained from their first {@value #MAX_HISTORY} items.
 */
final class Occlusion {
    static final int MAX_HISTORY = 300;

    private Occlusion() {
    }

    static List<List<Reason>> explain(Scorer model, int[] history, int[] recommended, int perItem) {
        float[] full = new float[model.items()];
        model.score(history, full);
        int tried = Math.min(history.length, MAX_HISTORY);
        float[][] drop = new float[recommended.length][tried];
        float[] without = new float[full.length];
        for (int h = 0; h < tried; h++) {
            int[] rest = new int[history.length - 1];
            System.arraycopy(history, 0, rest, 0, h);
            System.arraycopy(history, h + 1, rest, h, history.length - h - 1);
            model.score(rest, without);
            for (int r = 0; r < recommended.length; r++) {
                drop[r][h] = full[recommended[r]] - without[recommended[r]];
            }
        }
        List<List<Reason>> out = new ArrayList<>();
        for (int r = 0; r < recommended.length; r++) {
            Integer[] order = new Integer[tried];
            for (int h = 0; h < tried; h++) {
                order[h] = h;
            }
            float[] d = drop[r];
            Arrays.sort(order, (a, b) -> Float.compare(d[b], d[a]));
            List<Reason> reasons = new ArrayList<>();
            for (int t = 0; t < Math.min(perItem, tried) && d[order[t]] > 0; t++) {
                reasons.add(Reason.item(history[order[t]], d[order[t]]));
            }
            out.add(reasons);
        }
        return out;
    }
}
