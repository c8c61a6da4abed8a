package io.igw.engine.recommenders;

import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.Arrays;

/** Rows of different lengths (each item's neighbours and their weights) stored as flat columns with offsets. */
final class Ragged {
    private Ragged() {
    }

    static void save(ColumnFolderWriter out, String indexName, int[][] index, String valueName, float[][] values) {
        int[] start = new int[index.length + 1];
        for (int i = 0; i < index.length; i++) {
            start[i + 1] = start[i] + index[i].length;
        }
        int[] flatIndex = new int[start[index.length]];
        float[] flatValues = new float[start[index.length]];
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(index[i], 0, flatIndex, start[i], index[i].length);
            System.arraycopy(values[i], 0, flatValues, start[i], values[i].length);
        }
        out.ints(indexName + ".start", start, start.length);
        out.ints(indexName, flatIndex, flatIndex.length);
        out.floats(valueName, flatValues, flatValues.length);
    }

    static int[][] ints(ColumnFolder in, String indexName) {
        int[] start = in.ints(indexName + ".start");
        int[] flat = in.ints(indexName);
        int[][] rows = new int[start.length - 1][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, start[i], start[i + 1]);
        }
        return rows;
    }

    static float[][] floats(ColumnFolder in, String indexName, String valueName) {
        int[] start = in.ints(indexName + ".start");
        float[] flat = in.floats(valueName);
        float[][] rows = new float[start.length - 1][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, start[i], start[i + 1]);
        }
        return rows;
    }
}
