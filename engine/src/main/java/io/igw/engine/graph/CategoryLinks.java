package io.igw.engine.graph;

import io.igw.storage.columns.ColumnFolderWriter;
import io.igw.engine.graph.GraphKind;
import java.util.Arrays;

/**
 * Category ↔ category links: two categories are linked when more users keep both among their interests than
 * chance would give, scored by lift = n(a,b)·U / (n(a)·n(b)) over the U users with any category interest.
 */
final class CategoryLinks {
    private static final int MIN_USERS = 3;

    private CategoryLinks() {
    }

    static int save(ColumnFolderWriter out, Interests interests, int categories) {
        int[] users = new int[categories];
        LongSlots pairs = new LongSlots(1024);
        int[] together = new int[1024];
        int[] mine = new int[categories];  // a user's categories; a user has each at most once
        int withAny = 0;
        for (int u = 0; u + 1 < interests.start.length; u++) {
            int n = 0;
            for (int e = interests.start[u]; e < interests.start[u + 1]; e++) {
                if (interests.kind[e] == GraphKind.CATEGORY.code()) {
                    mine[n++] = interests.target[e];
                }
            }
            if (n > 0) {
                withAny++;
            }
            for (int a = 0; a < n; a++) {
                users[mine[a]]++;
                for (int b = 0; b < n; b++) {
                    if (mine[a] < mine[b]) {
                        int p = pairs.slot(((long) mine[a] << 32) | mine[b]);
                        if (p == together.length) {
                            together = Arrays.copyOf(together, p * 2);
                        }
                        together[p]++;
                    }
                }
            }
        }
        int[] a = new int[16];
        int[] b = new int[16];
        float[] lift = new float[16];
        int kept = 0;
        for (int p = 0; p < pairs.size(); p++) {
            int x = (int) (pairs.key(p) >>> 32);
            int y = (int) pairs.key(p);
            int n = together[p];
            double l = (double) n * withAny / ((double) users[x] * users[y]);
            if (n >= MIN_USERS && l > 1) {
                if (kept == a.length) {
                    a = Arrays.copyOf(a, kept * 2);
                    b = Arrays.copyOf(b, kept * 2);
                    lift = Arrays.copyOf(lift, kept * 2);
                }
                a[kept] = x;
                b[kept] = y;
                lift[kept++] = (float) l;
            }
        }
        Integer[] order = new Integer[kept];
        for (int k = 0; k < kept; k++) {
            order[k] = k;
        }
        float[] l = lift;
        Arrays.sort(order, (p, q) -> Float.compare(l[q], l[p]));
        int[] sa = new int[kept];
        int[] sb = new int[kept];
        float[] sl = new float[kept];
        for (int k = 0; k < kept; k++) {
            sa[k] = a[order[k]];
            sb[k] = b[order[k]];
            sl[k] = lift[order[k]];
        }
        out.ints(GraphColumns.CATEGORY_LINK_A, sa, kept);
        out.ints(GraphColumns.CATEGORY_LINK_B, sb, kept);
        out.floats(GraphColumns.CATEGORY_LINK_LIFT, sl, kept);
        return kept;
    }
}
