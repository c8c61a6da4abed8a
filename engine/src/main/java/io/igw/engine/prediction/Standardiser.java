package io.igw.engine.prediction;

/** Column means and standard deviations of training rows, to put every feature on the same scale. */
record Standardiser(double[] mean, double[] sd) {
    static Standardiser of(float[][] x) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (float[] row : x) {
            for (int c = 0; c < d; c++) {
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= Math.max(1, x.length);
        }
        for (float[] row : x) {
            for (int c = 0; c < d; c++) {
                sd[c] += (row[c] - mean[c]) * (row[c] - mean[c]);
            }
        }
        for (int c = 0; c < d; c++) {
            sd[c] = Math.sqrt(sd[c] / Math.max(1, x.length));
            sd[c] = sd[c] < 1e-9 ? 1 : sd[c];
        }
        return new Standardiser(mean, sd);
    }

    double apply(double value, int column) {
        return (value - mean[column]) / sd[column];
    }

    float[] apply(float[] row) {
        float[] out = new float[row.length];
        for (int c = 0; c < row.length; c++) {
            out[c] = (float) apply(row[c], c);
        }
        return out;
    }
}
