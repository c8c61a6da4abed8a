package io.igw.engine.recommenders;

import io.igw.engine.distributed.DistributedEngine;
import io.igw.engine.distributed.ImplicitFactors;
import io.igw.engine.errors.MemoryNeed;
import io.igw.storage.columns.ColumnFolder;
import io.igw.storage.columns.ColumnFolderWriter;

/**
 * Implicit-feedback matrix factorisation trained with Apache Spark MLlib's ALS (Hu, Koren and Volinsky's
 * confidence-weighted least squares; issue 16). Training needs the Spark engine; the trained model does not: it
 * keeps the item factors Y and folds any user in from their history H alone, with the very solve MLlib's last
 * half-iteration makes, x = (YᵀY + α Σ_{i∈H} y_i y_iᵀ + λ|H| I)⁻¹ (1 + α) Σ_{i∈H} y_i, and scores items by Y x.
 */
public final class Als extends TrainedRecommender {
    /** Factors per user and item, sweeps, the regularisation (per observation) and the confidence of one. */
    public record Settings(int rank, int iterations, double regularization, double alpha) implements ModelSettings {
        public Settings {
            if (rank < 1 || iterations < 1 || regularization < 0 || alpha <= 0) {
                throw new io.igw.engine.errors.InvalidSetting("als", "rank and iterations must be at least 1, "
                        + "regularization at least 0 and alpha positive, not " + rank + ", " + iterations + ", "
                        + regularization + ", " + alpha);
            }
        }

        public static Settings standard() {
            return new Settings(32, 10, 0.05, 10);
        }
    }

    /** Hands the factorisation to Spark (on {@code igw.spark.master}, local[*] by default) and keeps the item factors. */
    public static final class Trainer extends RecommenderTrainer<Settings> {
        public Trainer(Settings settings) {
            super("als", settings);
        }

        /** On this side of Spark: the rows handed to it, and both factor tables coming back. */
        @Override
        public MemoryNeed memoryToTrain(int users, int items, long pairs, int epochs) {
            return MemoryNeed.heap(48.0 * pairs + 8.0 * settings().rank() * ((double) users + items));
        }

        @Override
        protected Recommender fit(Interactions train, Training training, Stamp stamp) throws Exception {
            int[][] rows = new int[train.users()][];
            for (int u = 0; u < rows.length; u++) {
                rows[u] = train.row(u);
            }
            Settings s = settings();
            ImplicitFactors f = DistributedEngine.require().factorise(rows, train.items(), s.rank(), s.iterations(),
                    s.regularization(), s.alpha(), training.seed(), System.getProperty("igw.spark.master", "local[*]"),
                    training.context());
            return new Als(stamp.provenance(), s, f.items());
        }

        @Override
        public Recommender load(ColumnFolder in, ModelProvenance provenance) {
            return new Als(provenance, settings(), in.floats(ITEM_FACTORS));
        }
    }

    private static final String ITEM_FACTORS = "item_factors";

    private final int rank;
    private final double regularization;
    private final double alpha;
    private final float[] itemFactors;
    /** YᵀY, rank × rank: the part of every user's system that does not depend on the user. */
    private final double[] gram;

    private Als(ModelProvenance provenance, Settings settings, float[] itemFactors) {
        super(provenance);
        this.rank = settings.rank();
        this.regularization = settings.regularization();
        this.alpha = settings.alpha();
        this.itemFactors = itemFactors;
        this.gram = new double[rank * rank];
        for (int i = 0; i < items(); i++) {
            addOuter(gram, i, 1.0);
        }
    }

    @Override
    public int items() {
        return itemFactors.length / rank;
    }

    @Override
    public void score(int[] history, float[] scores) {
        double[] x = userFactors(history);
        for (int i = 0; i < items(); i++) {
            double s = 0;
            for (int f = 0; f < rank; f++) {
                s += itemFactors[i * rank + f] * x[f];
            }
            scores[i] = (float) s;
        }
    }

    /** The user's factors from their items alone: MLlib's own solve for a user, given the item factors. */
    public double[] userFactors(int[] history) {
        double[] x = new double[rank];
        if (history.length == 0) {
            return x;
        }
        double[] a = gram.clone();
        for (int i : history) {
            addOuter(a, i, alpha);
            for (int f = 0; f < rank; f++) {
                x[f] += (1 + alpha) * itemFactors[i * rank + f];
            }
        }
        for (int f = 0; f < rank; f++) {
            a[f * rank + f] += regularization * history.length;
        }
        solveInPlace(a, x, rank);
        return x;
    }

    private void addOuter(double[] a, int item, double weight) {
        int o = item * rank;
        for (int p = 0; p < rank; p++) {
            double yp = weight * itemFactors[o + p];
            for (int q = 0; q < rank; q++) {
                a[p * rank + q] += yp * itemFactors[o + q];
            }
        }
    }

    /** Solves the symmetric positive-definite a · x = b by Cholesky, x replacing b. */
    static void solveInPlace(double[] a, double[] b, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (d <= 0) {
                d = 1e-12;  // only an all-zero factor column gets here; keep the solve finite
            }
            double l = Math.sqrt(d);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / l;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * n + k] * b[k];
            }
            b[i] = s / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * b[k];
            }
            b[i] = s / a[i * n + i];
        }
    }

    @Override
    public void save(ColumnFolderWriter out) {
        out.floats(ITEM_FACTORS, itemFactors, itemFactors.length);
    }
}
