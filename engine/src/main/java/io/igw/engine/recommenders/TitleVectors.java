package io.igw.engine.recommenders;

import io.igw.engine.linalg.Blas;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.Arrays;

/**
 * A model's copy of its items' title vectors (item index × dimensions, unit length, zero for an item without a
 * title), with the text model that made them: what the semantic and hybrid models score with. Immutable.
 */
final class TitleVectors {
    private static final String MODEL = "title_model";
    private static final String DIMENSIONS = "title_dimensions";
    private static final String VECTORS = "title_vectors";

    private final String model;
    private final int dimensions;
    private final float[] vectors;

    TitleVectors(String model, int dimensions, float[] vectors) {
        this.model = model;
        this.dimensions = dimensions;
        this.vectors = vectors;
    }

    static TitleVectors load(ColumnFolder in) {
        return new TitleVectors(in.strings(MODEL)[0], in.ints(DIMENSIONS)[0], in.floats(VECTORS));
    }

    void save(ColumnFolderWriter out) {
        out.strings(MODEL, new String[]{model});
        out.ints(DIMENSIONS, new int[]{dimensions}, 1);
        out.floats(VECTORS, vectors, vectors.length);
    }

    String model() {
        return model;
    }

    int dimensions() {
        return dimensions;
    }

    int items() {
        return vectors.length / dimensions;
    }

    /** Whether item i has a title vector (a non-zero one). */
    boolean has(int i) {
        for (int x = i * dimensions; x < (i + 1) * dimensions; x++) {
            if (vectors[x] != 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code p += weight · vector(i)}. */
    void addTo(float[] p, int i, float weight) {
        int off = i * dimensions;
        for (int x = 0; x < dimensions; x++) {
            p[x] += weight * vectors[off + x];
        }
    }

    /** Cosine similarity of items i and j. */
    double similarity(int i, int j) {
        double s = 0;
        for (int x = 0; x < dimensions; x++) {
            s += vectors[i * dimensions + x] * vectors[j * dimensions + x];
        }
        return s;
    }

    /** {@code scores[r][i]} = row r of {@code queries} (rows × dimensions, unit length) · item i's vector. */
    void similarities(float[] queries, int rows, float[][] scores) {
        int items = items();
        float[] all = new float[rows * items];
        Blas.gemm(false, true, rows, items, dimensions, 1f, queries, vectors, 0f, all);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(all, r * items, scores[r], 0, items);
        }
    }

    /** Item i's vector (a copy). */
    float[] vector(int i) {
        return Arrays.copyOfRange(vectors, i * dimensions, (i + 1) * dimensions);
    }
}
