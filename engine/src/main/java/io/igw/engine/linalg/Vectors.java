package io.igw.engine.linalg;

/** Small vector arithmetic on float arrays. */
public final class Vectors {
    private Vectors() {
    }

    /** The vector scaled to length 1 (the zero vector stays zero), in place. */
    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }

    /** a · b[bOffset ..]. */
    public static float dot(float[] a, float[] b, int bOffset) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[bOffset + i];
        }
        return s;
    }
}
