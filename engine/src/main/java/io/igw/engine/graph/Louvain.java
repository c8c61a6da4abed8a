package io.igw.engine.graph;

import java.util.Arrays;
import java.util.Random;

/**
 * Louvain community detection (Blondel et al., 2008) on a weighted undirected graph in compressed rows: nodes move
 * to the neighbouring community with the best modularity gain until none does, communities fold into nodes, and
 * this repeats while modularity grows. The visiting order is shuffled from a seed, so results are reproducible.
 */
final class Louvain {
    private static final double MIN_GAIN = 1e-7;

    private Louvain() {
    }

    /** A graph: node i's neighbours are {@code adjacent[start[i] .. start[i+1])} with weights {@code weight}. */
    record Graph(int[] start, int[] adjacent, double[] weight) {
        int size() {
            return start.length - 1;
        }
    }

    /** The community of every node, numbered densely from 0, and the partition's modularity. */
    record Result(int[] community, int communities, double modularity) {
    }

    static Result detect(Graph graph, long seed) {
        int n = graph.size();
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) {
            membership[i] = i;
        }
        Graph level = graph;
        Random random = new Random(seed);
        while (true) {
            int[] moved = moveNodes(level, random);
            int count = renumber(moved);
            for (int i = 0; i < n; i++) {
                membership[i] = moved[membership[i]];
            }
            if (count == level.size()) {
                break;
            }
            level = fold(level, moved, count);
        }
        int communities = renumber(membership);
        return new Result(membership, communities, modularity(graph, membership));
    }

    /** Phase one: local moves until no node gains by moving. */
    private static int[] moveNodes(Graph g, Random random) {
        int n = g.size();
        double[] strength = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int e = g.start()[i]; e < g.start()[i + 1]; e++) {
                strength[i] += g.weight()[e];
            }
            total += strength[i];
        }
        int[] community = new int[n];
        double[] communityStrength = new double[n];
        for (int i = 0; i < n; i++) {
            community[i] = i;
            communityStrength[i] = strength[i];
        }
        if (total == 0) {
            return community;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] linkTo = new double[n];
        int[] touched = new int[n];
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i : order) {
                int own = community[i];
                int touchedCount = 0;
                for (int e = g.start()[i]; e < g.start()[i + 1]; e++) {
                    int j = g.adjacent()[e];
                    if (j == i) {
                        continue;
                    }
                    int c = community[j];
                    if (linkTo[c] == 0) {
                        touched[touchedCount++] = c;
                    }
                    linkTo[c] += g.weight()[e];
                }
                communityStrength[own] -= strength[i];
                int best = own;
                double bestGain = linkTo[own] - communityStrength[own] * strength[i] / total;
                for (int k = 0; k < touchedCount; k++) {
                    int c = touched[k];
                    double gain = linkTo[c] - communityStrength[c] * strength[i] / total;
                    if (gain > bestGain + MIN_GAIN) {
                        best = c;
                        bestGain = gain;
                    }
                }
                communityStrength[best] += strength[i];
                if (best != own) {
                    community[i] = best;
                    improved = true;
                }
                for (int k = 0; k < touchedCount; k++) {
                    linkTo[touched[k]] = 0;
                }
                linkTo[own] = 0;
            }
        }
        return community;
    }

    /** Renumbers labels densely from 0 in place and returns how many there are. */
    private static int renumber(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) {
                map[labels[i]] = next++;
            }
            labels[i] = map[labels[i]];
        }
        return next;
    }

    /** Phase two: each community becomes one node; edges between communities add up (within, to a self-loop). */
    private static Graph fold(Graph g, int[] community, int count) {
        LongSlots keys = new LongSlots(Math.max(16, count * 4));
        double[] w = new double[Math.max(16, count * 4)];
        for (int i = 0; i < g.size(); i++) {
            for (int e = g.start()[i]; e < g.start()[i + 1]; e++) {
                int slot = keys.slot(((long) community[i] << 32) | community[g.adjacent()[e]]);
                if (slot >= w.length) {
                    w = Arrays.copyOf(w, w.length * 2);
                }
                w[slot] += g.weight()[e];
            }
        }
        int[] start = new int[count + 1];
        for (int s = 0; s < keys.size(); s++) {
            start[(int) (keys.key(s) >>> 32) + 1]++;
        }
        for (int c = 0; c < count; c++) {
            start[c + 1] += start[c];
        }
        int[] adjacent = new int[keys.size()];
        double[] weight = new double[keys.size()];
        int[] fill = Arrays.copyOf(start, count);
        for (int s = 0; s < keys.size(); s++) {
            int from = (int) (keys.key(s) >>> 32);
            int at = fill[from]++;
            adjacent[at] = (int) keys.key(s);
            weight[at] = w[s];
        }
        return new Graph(start, adjacent, weight);
    }

    static double modularity(Graph g, int[] community) {
        int communities = 0;
        for (int c : community) {
            communities = Math.max(communities, c + 1);
        }
        double[] inside = new double[communities];
        double[] strength = new double[communities];
        double total = 0;
        for (int i = 0; i < g.size(); i++) {
            for (int e = g.start()[i]; e < g.start()[i + 1]; e++) {
                double w = g.weight()[e];
                strength[community[i]] += w;
                total += w;
                if (community[g.adjacent()[e]] == community[i]) {
                    inside[community[i]] += w;
                }
            }
        }
        double q = 0;
        for (int c = 0; c < communities; c++) {
            q += inside[c] / total - (strength[c] / total) * (strength[c] / total);
        }
        return q;
    }
}
