package io.igw.engine.linalg;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Single-precision matrix products on plain Java arrays (row-major), straight into OpenBLAS: no array wrappers, no
 * allocation, no per-call bookkeeping. For hand-written training steps whose products are small enough that ND4J's
 * per-op overhead (a few hundred microseconds, measured in decision 0012) would outweigh the arithmetic.
 */
public final class Blas {
    static {
        Loader.load(openblas_nolapack.class);
    }

    private Blas() {
    }

    /**
     * {@code c = alpha · op(a) · op(b) + beta · c}, where {@code op(a)} is {@code m × k} and {@code op(b)} is
     * {@code k × n}; {@code a}, {@code b} and {@code c} are row-major, transposed as stored when the flag says so.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b,
                     float beta, float[] c) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, alpha, a, transA ? m : k, b, transB ? k : n, beta, c, n);
    }
}
