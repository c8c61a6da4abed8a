package io.igw.spark;

import io.igw.engine.distributed.ImplicitFactors;
import io.igw.engine.task.JobContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code als} recommender's training: MLlib's implicit-feedback ALS over the workbench's interactions. */
final class SparkFactorisation {
    private static final StructType OBSERVATIONS = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("rating", DataTypes.FloatType, false);

    private SparkFactorisation() {
    }

    static ImplicitFactors run(int[][] rows, int items, int rank, int iterations, double regularization, double alpha,
                               long seed, String master, JobContext context) {
        context.progress(0.05, "starting Spark on " + master);
        SparkSession spark = SparkSessions.start(master, 0);
        try {
            List<Row> observed = new ArrayList<>();
            for (int u = 0; u < rows.length; u++) {
                for (int i : rows[u]) {
                    observed.add(RowFactory.create(u, i, 1f));
                }
            }
            Dataset<Row> ratings = spark.createDataFrame(observed, OBSERVATIONS);
            context.checkCancelled();
            context.progress(0.2, "alternating least squares in Spark (" + iterations + " sweeps, rank " + rank + ")");
            ALSModel model = new ALS().setImplicitPrefs(true).setRank(rank).setMaxIter(iterations)
                    .setRegParam(regularization).setAlpha(alpha).setSeed(seed)
                    .setUserCol("user").setItemCol("item").setRatingCol("rating").fit(ratings);
            context.checkCancelled();
            float[] users = factors(model.userFactors(), rows.length, rank);
            float[] itemFactors = factors(model.itemFactors(), items, rank);
            context.progress(1, "factorised " + observed.size() + " interactions");
            return new ImplicitFactors(rank, users, itemFactors);
        } finally {
            spark.stop();
        }
    }

    /** Factors by id into a row-major array; an id MLlib never saw (no observation) keeps zeros. */
    private static float[] factors(Dataset<Row> byId, int count, int rank) {
        float[] out = new float[count * rank];
        for (Iterator<Row> it = byId.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            int id = r.getInt(0);
            List<Float> f = r.getList(1);
            for (int k = 0; k < rank; k++) {
                out[id * rank + k] = f.get(k);
            }
        }
        return out;
    }
}
