package io.igw.engine.titles;

import io.igw.engine.recommenders.Ease;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A generalised linear model over sparse rows, fitted by Newton's method with a Gaussian prior on each weight (an
 * L2 penalty towards a prior mean): binomial (successes of trials, logit link) or Poisson (counts, log link). The
 * inverse of the penalised Hessian at the optimum gives each weight's standard error.
 */
final class PenalisedGlm {
    enum Family { BINOMIAL, POISSON }

    /** One row: its features' indices and values, its trials (or exposure) and its successes (or count). */
    record Row(int[] features, float[] values, double trials, double successes) {
    }

    private final Family family;
    private final double[] weights;
    private final double[] standardErrors;

    private PenalisedGlm(Family family, double[] weights, double[] standardErrors) {
        this.family = family;
        this.weights = weights;
        this.standardErrors = standardErrors;
    }

    /**
     * @param precision per feature, the prior's precision (1 / variance)
     * @param priorMean per feature, the value it is pulled towards (zeros, or another model's weights)
     */
    static PenalisedGlm fit(Family family, java.util.List<Row> rows, int features, double[] precision, double[] priorMean,
                            double[] start, boolean withErrors) {
        double[] w = start.clone();
        double[] curvature = new double[rows.size()];
        for (int iteration = 0; iteration < 25; iteration++) {
            double[] gradient = new double[features];
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                double eta = eta(w, r);
                double mean;
                if (family == Family.BINOMIAL) {
                    double p = 1 / (1 + Math.exp(-eta));
                    mean = r.trials() * p;
                    curvature[i] = Math.max(r.trials() * p * (1 - p), 1e-9);
                } else {
                    mean = r.trials() * Math.exp(Math.min(eta, 30));
                    curvature[i] = Math.max(mean, 1e-9);
                }
                double residual = r.successes() - mean;
                for (int a = 0; a < r.features().length; a++) {
                    gradient[r.features()[a]] += residual * r.values()[a];
                }
            }
            for (int a = 0; a < features; a++) {
                gradient[a] -= precision[a] * (w[a] - priorMean[a]);
            }
            double[] step = conjugateGradient(rows, curvature, precision, gradient);
            double largest = 0;
            for (int a = 0; a < features; a++) {
                double s = Math.max(-2, Math.min(2, step[a])); // damped: a first step from far away cannot overshoot
                w[a] += s;
                largest = Math.max(largest, Math.abs(s));
            }
            if (largest < 1e-4) {
                break;
            }
        }
        double[] se = new double[features];
        if (withErrors) {
            INDArray inverse = Ease.inverseOfSymmetric(Nd4j.create(hessian(rows, curvature, precision), new long[]{features, features}, DataType.DOUBLE));
            for (int a = 0; a < features; a++) {
                se[a] = Math.sqrt(Math.max(0, inverse.getDouble(a, a)));
            }
        }
        return new PenalisedGlm(family, w, se);
    }

    /**
     * Solves (XᵀCX + Λ) s = g without forming the matrix: each product with it is one pass over the sparse rows.
     * Jacobi-preconditioned; the Newton step needs no more than a few dozen of these.
     */
    private static double[] conjugateGradient(java.util.List<Row> rows, double[] curvature, double[] precision, double[] g) {
        int n = g.length;
        double[] diagonal = precision.clone();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            for (int a = 0; a < r.features().length; a++) {
                diagonal[r.features()[a]] += curvature[i] * r.values()[a] * r.values()[a];
            }
        }
        double[] x = new double[n];
        double[] residual = g.clone();
        double[] z = new double[n];
        for (int a = 0; a < n; a++) {
            z[a] = residual[a] / diagonal[a];
        }
        double[] p = z.clone();
        double rz = dot(residual, z);
        double target = 1e-7 * Math.max(1e-30, dot(g, g));
        for (int k = 0; k < 80 && dot(residual, residual) > target; k++) {
            double[] ap = product(rows, curvature, precision, p);
            double alpha = rz / dot(p, ap);
            for (int a = 0; a < n; a++) {
                x[a] += alpha * p[a];
                residual[a] -= alpha * ap[a];
                z[a] = residual[a] / diagonal[a];
            }
            double next = dot(residual, z);
            double beta = next / rz;
            rz = next;
            for (int a = 0; a < n; a++) {
                p[a] = z[a] + beta * p[a];
            }
        }
        return x;
    }

    private static double[] product(java.util.List<Row> rows, double[] curvature, double[] precision, double[] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < v.length; a++) {
            out[a] = precision[a] * v[a];
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double xv = 0;
            for (int a = 0; a < r.features().length; a++) {
                xv += r.values()[a] * v[r.features()[a]];
            }
            xv *= curvature[i];
            for (int a = 0; a < r.features().length; a++) {
                out[r.features()[a]] += xv * r.values()[a];
            }
        }
        return out;
    }

    /** The penalised Hessian as a dense row-major matrix, for the standard errors. */
    private static double[] hessian(java.util.List<Row> rows, double[] curvature, double[] precision) {
        int n = precision.length;
        double[] h = new double[n * n];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int[] f = r.features();
            for (int a = 0; a < f.length; a++) {
                for (int b = 0; b < f.length; b++) {
                    h[f[a] * n + f[b]] += curvature[i] * r.values()[a] * r.values()[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            h[a * n + a] += precision[a];
        }
        return h;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double eta(double[] w, Row r) {
        double s = 0;
        for (int a = 0; a < r.features().length; a++) {
            s += w[r.features()[a]] * r.values()[a];
        }
        return s;
    }

    /** The row's linear predictor. */
    double eta(Row r) {
        return eta(weights, r);
    }

    /** The expected rate (binomial: a trial's chance; Poisson: the count per unit of exposure). */
    double rate(Row r) {
        double eta = eta(r);
        return family == Family.BINOMIAL ? 1 / (1 + Math.exp(-eta)) : Math.exp(Math.min(eta, 30));
    }

    double weight(int feature) {
        return weights[feature];
    }

    double standardError(int feature) {
        return standardErrors[feature];
    }

    double[] weights() {
        return weights.clone();
    }

    /** A model read back from its weights (its standard errors are not kept: only {@link #rate} is asked of it). */
    static PenalisedGlm restored(Family family, double[] weights) {
        return new PenalisedGlm(family, weights.clone(), new double[weights.length]);
    }
}
