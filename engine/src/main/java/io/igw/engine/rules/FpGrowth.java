package io.igw.engine.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FP-Growth (Han, Pei and Yin, SIGMOD 2000): every itemset found in at least {@code minCount} baskets, up to
 * {@code maxLength} items, without generating candidates. Baskets are compressed into a prefix tree ordered by item
 * frequency; each frequent item's conditional pattern base (the paths above its nodes) is mined recursively.
 */
public final class FpGrowth {
    /** A frequent itemset: its items, ascending, and how many baskets hold all of them. */
    public record Itemset(int[] items, int count) {
    }

    private final int minCount;
    private final int maxLength;
    private final List<Itemset> found = new ArrayList<>();

    private FpGrowth(int minCount, int maxLength) {
        this.minCount = minCount;
        this.maxLength = maxLength;
    }

    /** @param baskets each basket's distinct items (any order); items are 0..items-1 */
    public static List<Itemset> mine(int[][] baskets, int items, int minCount, int maxLength) {
        if (minCount < 1 || maxLength < 1) {
            throw new IllegalArgumentException("the minimum count and the maximum length must be at least 1");
        }
        FpGrowth miner = new FpGrowth(minCount, maxLength);
        int[] weights = new int[baskets.length];
        Arrays.fill(weights, 1);
        miner.grow(baskets, weights, items, new int[0]);
        return miner.found;
    }

    /** Mines the (weighted) transactions of one conditional database, every itemset extending {@code suffix}. */
    private void grow(int[][] transactions, int[] weights, int items, int[] suffix) {
        int[] count = new int[items];
        for (int t = 0; t < transactions.length; t++) {
            for (int i : transactions[t]) {
                count[i] += weights[t];
            }
        }
        // frequent items, most frequent first (ties by item), the order paths are stored in
        Integer[] order = new Integer[items];
        int frequent = 0;
        for (int i = 0; i < items; i++) {
            if (count[i] >= minCount) {
                order[frequent++] = i;
            }
        }
        Integer[] ranked = Arrays.copyOf(order, frequent);
        Arrays.sort(ranked, (a, b) -> count[b] != count[a] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
        int[] rank = new int[items];
        Arrays.fill(rank, -1);
        for (int r = 0; r < frequent; r++) {
            rank[ranked[r]] = r;
        }
        Tree tree = new Tree(frequent);
        int[] path = new int[frequent];
        for (int t = 0; t < transactions.length; t++) {
            int n = 0;
            for (int i : transactions[t]) {
                if (rank[i] >= 0) {
                    path[n++] = rank[i];
                }
            }
            Arrays.sort(path, 0, n);
            tree.insert(path, n, weights[t]);
        }
        // least frequent first: each item's itemsets, then its conditional tree
        for (int r = frequent - 1; r >= 0; r--) {
            int item = ranked[r];
            int[] itemset = withItem(suffix, item);
            found.add(new Itemset(sorted(itemset), count[item]));
            if (itemset.length >= maxLength) {
                continue;
            }
            List<int[]> base = new ArrayList<>();
            List<Integer> baseWeights = new ArrayList<>();
            for (int node = tree.head[r]; node >= 0; node = tree.next.get(node)) {
                int length = 0;
                for (int up = tree.parent.get(node); up > 0; up = tree.parent.get(up)) {
                    length++;
                }
                if (length == 0) {
                    continue;
                }
                int[] prefix = new int[length];
                int k = 0;
                for (int up = tree.parent.get(node); up > 0; up = tree.parent.get(up)) {
                    prefix[k++] = ranked[tree.rank.get(up)];
                }
                base.add(prefix);
                baseWeights.add(tree.count.get(node));
            }
            if (!base.isEmpty()) {
                grow(base.toArray(new int[0][]), baseWeights.stream().mapToInt(Integer::intValue).toArray(), items, itemset);
            }
        }
    }

    private static int[] withItem(int[] suffix, int item) {
        int[] out = Arrays.copyOf(suffix, suffix.length + 1);
        out[suffix.length] = item;
        return out;
    }

    private static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    /** The prefix tree: nodes in growable int lists, node 0 the root; {@code head[r]} chains the nodes of rank r. */
    private static final class Tree {
        final IntList rank = new IntList();
        final IntList parent = new IntList();
        final IntList count = new IntList();
        final IntList next = new IntList();
        final IntList firstChild = new IntList();
        final IntList sibling = new IntList();
        final int[] head;

        Tree(int ranks) {
            head = new int[ranks];
            Arrays.fill(head, -1);
            add(-1, -1);   // the root
        }

        private int add(int r, int parentNode) {
            int node = rank.size();
            rank.add(r);
            parent.add(parentNode);
            count.add(0);
            next.add(-1);
            firstChild.add(-1);
            sibling.add(-1);
            if (parentNode >= 0) {
                sibling.set(node, firstChild.get(parentNode));
                firstChild.set(parentNode, node);
            }
            if (r >= 0) {
                next.set(node, head[r]);
                head[r] = node;
            }
            return node;
        }

        void insert(int[] path, int n, int weight) {
            int node = 0;
            for (int k = 0; k < n; k++) {
                int child = firstChild.get(node);
                while (child >= 0 && rank.get(child) != path[k]) {
                    child = sibling.get(child);
                }
                if (child < 0) {
                    child = add(path[k], node);
                }
                count.set(child, count.get(child) + weight);
                node = child;
            }
        }
    }

    /** A growable array of ints. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        void set(int i, int v) {
            values[i] = v;
        }

        int size() {
            return size;
        }
    }
}
