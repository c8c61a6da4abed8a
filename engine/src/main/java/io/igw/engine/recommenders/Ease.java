package io.igw.engine.recommenders;

import io.igw.engine.errors.MemoryNeed;
import io.igw.engine.errors.TooLarge;
import io.igw.engine.task.JobContext;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * EASE (Steck, WWW 2019): an item-item weight matrix in closed form, B = I − P·diag(1/diag(P)) with
 * P = (XᵀX + λI)⁻¹ and a zero diagonal; a user's scores are their interaction row times B. One matrix inverse
 * (ND4J) of items × items.
 */
public final class Ease extends TrainedRecommender {
    public static final int MAX_ITEMS = 10_000;
    private static final String WEIGHTS = "weights";

    /** The L2 regularisation λ added to the Gram matrix's diagonal. */
    public record Settings(double lambda) implements ModelSettings {
        public static Settings standard() {
            return new Settings(250);
        }
    }

    /** Solves EASE in closed form. */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        public Trainer(Settings settings) {
            super("ease", settings);
        }

        /**
         * ND4J's doubles: the users × items matrix, then the gram, its inverse and the weights with the products'
         * copies (five items × items); on the heap the weights as floats, their flat copy when stored, and a row's
         * copies as they are read out (three items × items of floats in all).
         */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            double square = (double) items * items;
            return MemoryNeed.heap(12 * square + 64.0 * items).plusNative(ND4J_WORKING + 8.0 * users * items + 40 * square);
        }

        @Override
        protected Recommender fit(Interactions train, Training training, Stamp stamp) {
            return new Ease(stamp.provenance(), solve(train, settings().lambda(), training.context()));
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            float[] flat = in.floats(WEIGHTS);
            int n = (int) Math.round(Math.sqrt(flat.length));
            float[][] weights = new float[n][];
            for (int i = 0; i < n; i++) {
                weights[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
            }
            return new Ease(provenance, weights);
        }
    }

    /** The item × item weights, row by row. */
    private final float[][] weights;

    private Ease(ModelProvenance provenance, float[][] weights) {
        super(provenance);
        this.weights = weights;
    }

    private static float[][] solve(Interactions train, double lambda, JobContext context) {
        int items = train.items();
        if (items > MAX_ITEMS) {
            throw new TooLarge("EASE learns an items × items matrix, and this workspace has " + items
                    + " items (at most " + MAX_ITEMS + " fit in memory): use item-kNN or the autoencoder here.");
        }
        context.progress(0.05, "gram matrix of " + items + " items");
        INDArray x = Nd4j.zeros(DataType.DOUBLE, train.users(), items);
        for (int u = 0; u < train.users(); u++) {
            for (int k = train.start[u]; k < train.start[u + 1]; k++) {
                x.putScalar(u, train.items[k], 1.0);
            }
        }
        INDArray gram = x.transpose().mmul(x);
        for (int i = 0; i < items; i++) {
            gram.putScalar(i, i, gram.getDouble(i, i) + lambda);
        }
        context.checkCancelled();
        context.progress(0.3, "inverting " + items + " × " + items);
        INDArray p = inverseOfSymmetric(gram);
        context.checkCancelled();
        INDArray diag = Nd4j.diag(p);
        INDArray b = p.divRowVector(diag.reshape(1, items)).negi();
        float[][] weights = new float[items][];
        for (int i = 0; i < items; i++) {
            weights[i] = b.getRow(i).toFloatVector();
            weights[i][i] = 0;
        }
        context.progress(1, "EASE fitted");
        return weights;
    }

    /**
     * The inverse of a symmetric positive definite matrix through its eigendecomposition (LAPACK syev, then two
     * BLAS products): G = QΛQᵀ, so G⁻¹ = QΛ⁻¹Qᵀ. ND4J's own matrix_inverse op is a naive single-threaded loop that
     * took minutes at 1,682 items.
     */
    public static INDArray inverseOfSymmetric(INDArray symmetric) {
        int n = (int) symmetric.rows();
        INDArray q = symmetric.dup('f');
        INDArray eigenvalues = Nd4j.create(DataType.DOUBLE, n);
        int info = Nd4j.getBlasWrapper().lapack().syev('V', 'U', q, eigenvalues);
        if (info != 0) {
            throw new IllegalStateException("the eigendecomposition failed (LAPACK info " + info + ")");
        }
        INDArray scaled = q.mulRowVector(Transforms.pow(eigenvalues, -1).reshape(1, n));
        INDArray inverse = scaled.mmul(q.transpose());
        checkInverse(symmetric, inverse);
        return inverse;
    }

    /**
     * Checks a few columns of G·G⁻¹ against the identity, in plain Java: a native BLAS that computes wrongly on this
     * CPU (OpenBLAS 0.3.19's AVX-512 kernels on some Xeons) must fail loudly, not fit noise.
     */
    private static void checkInverse(INDArray g, INDArray inverse) {
        int n = (int) g.rows();
        for (int c = 0; c < Math.min(n, 4); c++) {
            int j = (int) ((long) c * 7919 % n);
            double[] column = inverse.getColumn(j).toDoubleVector();
            for (int i = 0; i < Math.min(n, 4); i++) {
                double[] row = g.getRow((i * 104729L + j) % n).toDoubleVector();
                int at = (int) ((i * 104729L + j) % n);
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += row[k] * column[k];
                }
                if (Math.abs(dot - (at == j ? 1 : 0)) > 1e-4) {
                    throw new IllegalStateException("The native BLAS/LAPACK library gave a wrong matrix inverse on this "
                            + "CPU, so EASE cannot be fitted correctly; set the environment variable OPENBLAS_CORETYPE=Haswell "
                            + "and try again (the workbench's launcher does this on AVX-512 CPUs).");
                }
            }
        }
    }

    @Override
    public int items() {
        return weights.length;
    }

    @Override
    public void score(int[] history, float[] scores) {
        Arrays.fill(scores, 0);
        for (int i : history) {
            float[] row = weights[i];
            for (int j = 0; j < row.length; j++) {
                scores[j] += row[j];
            }
        }
    }

    @Override
    public void save(ColumnFolderWriter out) {
        int n = weights.length;
        float[] flat = new float[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(weights[i], 0, flat, i * n, n);
        }
        out.floats(WEIGHTS, flat, flat.length);
    }
}
