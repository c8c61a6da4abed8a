package io.igw.engine.prediction;

/**
 * The baseline every prediction is shown beside: logistic regression on a few standardised columns, fitted by
 * Newton's method with a little L2 so that it always converges. Simple on purpose: the deep model has to beat it.
 */
final class LogisticRegression {
    private static final double L2 = 1e-3;
    private final int[] columns;
    private double[] weights;
    private Standardiser scale;

    LogisticRegression(int[] columns) {
        this.columns = columns.clone();
    }

    void fit(float[][] x, boolean[] y) {
        scale = Standardiser.of(x);
        int d = columns.length + 1;
        int n = x.length;
        weights = new double[d];
        double[] row = new double[d];
        for (int iteration = 0; iteration < 25; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < n; i++) {
                fill(x[i], row);
                double p = sigmoid(dot(row));
                double r = (y[i] ? 1 : 0) - p;
                double w = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++) {
                    gradient[a] += r * row[a];
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += w * row[a] * row[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                gradient[a] -= L2 * n * weights[a];
                hessian[a][a] += L2 * n;
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < d; a++) {
                weights[a] += step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-6) {
                break;
            }
        }
    }

    float[] predict(float[][] x) {
        double[] row = new double[columns.length + 1];
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            fill(x[i], row);
            out[i] = (float) sigmoid(dot(row));
        }
        return out;
    }

    private void fill(float[] x, double[] row) {
        row[0] = 1;
        for (int c = 0; c < columns.length; c++) {
            row[c + 1] = scale.apply(x[columns[c]], columns[c]);
        }
    }

    private double dot(double[] row) {
        double s = 0;
        for (int a = 0; a < row.length; a++) {
            s += weights[a] * row[a];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} is positive definite here). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] v = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double tv = v[c];
            v[c] = v[pivot];
            v[pivot] = tv;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
                v[r] -= f * v[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = v[r];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
