package io.igw.engine.models;

import io.igw.engine.task.JobContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * EASE (Steck, WWW 2019): an item-item weight matrix in closed form, B = I − P·diag(1/diag(P)) with
 * P = (XᵀX + λI)⁻¹ and a zero diagonal; a user's scores are their interaction row times B. One matrix inverse
 * (ND4J) of items × items.
 */
public final class Ease implements Recommender {
    private final double lambda;
    private float[][] weights = new float[0][];
    private Interactions train;

    public Ease(double lambda) {
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public String parameters() {
        return "lambda=" + lambda;
    }

    @Override
    public void fit(Interactions train, JobContext context) {
        this.train = train;
        int items = train.items();
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
        weights = new float[items][];
        for (int i = 0; i < items; i++) {
            weights[i] = b.getRow(i).toFloatVector();
            weights[i][i] = 0;
        }
        context.progress(1, "EASE fitted");
    }

    /**
     * The inverse of a symmetric positive definite matrix through its eigendecomposition (LAPACK syev, then two
     * BLAS products): G = QΛQᵀ, so G⁻¹ = QΛ⁻¹Qᵀ. ND4J's own matrix_inverse op is a naive single-threaded loop that
     * took minutes at 1,682 items.
     */
    static INDArray inverseOfSymmetric(INDArray symmetric) {
        int n = (int) symmetric.rows();
        INDArray q = symmetric.dup('f');
        INDArray eigenvalues = Nd4j.create(DataType.DOUBLE, n);
        int info = Nd4j.getBlasWrapper().lapack().syev('V', 'U', q, eigenvalues);
        if (info != 0) {
            throw new IllegalStateException("the eigendecomposition failed (LAPACK info " + info + ")");
        }
        INDArray scaled = q.mulRowVector(Transforms.pow(eigenvalues, -1).reshape(1, n));
        return scaled.mmul(q.transpose());
    }

    @Override
    public void score(int user, float[] scores) {
        java.util.Arrays.fill(scores, 0);
        for (int k = train.start[user]; k < train.start[user + 1]; k++) {
            float[] row = weights[train.items[k]];
            for (int j = 0; j < row.length; j++) {
                scores[j] += row[j];
            }
        }
    }
}
