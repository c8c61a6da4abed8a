package io.igw.engine.explore;

import java.util.Random;

/**
 * A force-directed layout (Fruchterman and Reingold, 1991) on primitive arrays, for the explorer to run off the FX
 * thread and push positions from: edges pull their ends together in proportion to their weight, every pair of
 * nodes pushes apart, and the step cools each iteration. The centre node is pinned at the origin.
 */
public final class ForceLayout {
    private final int n;
    private final int[] from;
    private final int[] to;
    private final double[] weight;
    private final double[] x;
    private final double[] y;
    private final double k;
    private double temperature;
    private int iteration;

    public ForceLayout(Subgraph graph, long seed) {
        n = graph.nodes().size();
        int m = graph.edges().size();
        from = new int[m];
        to = new int[m];
        weight = new double[m];
        for (int e = 0; e < m; e++) {
            Subgraph.Edge edge = graph.edges().get(e);
            from[e] = edge.from();
            to[e] = edge.to();
            weight[e] = 0.3 + edge.weight();
        }
        x = new double[n];
        y = new double[n];
        Random random = new Random(seed);
        double side = Math.sqrt(n) * 10;
        for (int i = 0; i < n; i++) {
            x[i] = (random.nextDouble() - 0.5) * side;
            y[i] = (random.nextDouble() - 0.5) * side;
        }
        k = 10;
        temperature = side / 4;
    }

    /** How many iterations fit a budget of about {@code pairs} pair computations (at least 20, at most 300). */
    public int suggestedIterations(long pairs) {
        long perIteration = Math.max(1, (long) n * n);
        return (int) Math.max(20, Math.min(300, pairs / perIteration));
    }

    /** Runs {@code count} iterations. */
    public void step(int count) {
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int it = 0; it < count; it++) {
            java.util.Arrays.fill(dx, 0);
            java.util.Arrays.fill(dy, 0);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double ddx = x[i] - x[j];
                    double ddy = y[i] - y[j];
                    double d2 = ddx * ddx + ddy * ddy + 0.01;
                    double f = k * k / d2;
                    dx[i] += ddx * f;
                    dy[i] += ddy * f;
                    dx[j] -= ddx * f;
                    dy[j] -= ddy * f;
                }
            }
            for (int e = 0; e < from.length; e++) {
                int a = from[e];
                int b = to[e];
                double ddx = x[a] - x[b];
                double ddy = y[a] - y[b];
                double d = Math.sqrt(ddx * ddx + ddy * ddy) + 0.01;
                double f = d * weight[e] / k;
                dx[a] -= ddx * f;
                dy[a] -= ddy * f;
                dx[b] += ddx * f;
                dy[b] += ddy * f;
            }
            for (int i = 1; i < n; i++) {
                double len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-9;
                double move = Math.min(len, temperature);
                x[i] += dx[i] / len * move;
                y[i] += dy[i] / len * move;
            }
            x[0] = 0;
            y[0] = 0;
            temperature = Math.max(0.5, temperature * 0.95);
            iteration++;
        }
    }

    public int iteration() {
        return iteration;
    }

    /** A copy of the positions: {@code [x0, y0, x1, y1, ...]}. */
    public double[] positions() {
        double[] p = new double[n * 2];
        for (int i = 0; i < n; i++) {
            p[2 * i] = x[i];
            p[2 * i + 1] = y[i];
        }
        return p;
    }
}
