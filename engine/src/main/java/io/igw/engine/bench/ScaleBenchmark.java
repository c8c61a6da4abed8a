package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.recommenders.Interactions;
import io.igw.engine.recommenders.Ranking;
import io.igw.engine.recommenders.SequenceTransformer;
import io.igw.engine.recommenders.Split;
import io.igw.engine.recommenders.Training;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HSTU's question asked of the analyst's own data: does a bigger sequence model help here? Trains each size on the
 * same leave-last-one-out split, early-stopped as the model always is, and measures each on every user's last
 * action with full ranking. Nothing is stored.
 */
public final class ScaleBenchmark implements Job<Map<String, Object>> {
    /** One size's figures. */
    public record Point(String size, long parameters, int epochs, double secondsPerEpoch, double trainSeconds,
                        double hr10, double ndcg10, double ndcg20) {
    }

    private final Workspace workspace;
    private final List<String> sizes;
    private final int epochs;
    private final long seed;

    public ScaleBenchmark(Workspace workspace, List<String> sizes, int epochs, long seed) {
        if (sizes.isEmpty()) {
            throw new InvalidSetting("sizes", "name at least one of small, base, large");
        }
        sizes.forEach(SequenceTransformer.Settings::preset);
        InvalidSetting.atLeast("epochs", epochs, 0);
        this.workspace = workspace;
        this.sizes = List.copyOf(sizes);
        this.epochs = epochs;
        this.seed = seed;
    }

    /** The curve itself, for the Models screen. */
    public List<Point> points(JobContext context) throws Exception {
        context.progress(0, "reading interactions");
        Interactions all = Interactions.toLearnFrom(workspace);
        Split split = Split.of(all, Split.Kind.LEAVE_LAST, 0.8, seed);
        List<Point> out = new ArrayList<>();
        for (int n = 0; n < sizes.size(); n++) {
            String size = sizes.get(n);
            double share = 1.0 / sizes.size();
            List<Training.Epoch> curve = new ArrayList<>();
            long t0 = System.nanoTime();
            SequenceTransformer model = (SequenceTransformer) new SequenceTransformer.Trainer(SequenceTransformer.Settings.preset(size))
                    .train(split.train(), new Training(context.part(n * share, share * 0.9, size + ": "), seed, epochs, curve::add));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> at10 = Ranking.measure(model, split.train(), split.test(), 10, context);
            Map<String, Double> at20 = Ranking.measure(model, split.train(), split.test(), 20, context);
            out.add(new Point(size, model.parameters(), curve.size(),
                    SequenceBenchmark.median(curve.stream().mapToDouble(Training.Epoch::seconds).toArray()), seconds,
                    at10.get("hr@10"), at10.get("ndcg@10"), at20.get("ndcg@20")));
        }
        context.progress(1, "done");
        return out;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        List<Object> rows = new ArrayList<>();
        for (Point p : points(context)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("size", p.size());
            row.put("parameters", p.parameters());
            row.put("epochs", p.epochs());
            row.put("seconds_per_epoch", p.secondsPerEpoch());
            row.put("train_seconds", p.trainSeconds());
            row.put("hr@10", p.hr10());
            row.put("ndcg@10", p.ndcg10());
            row.put("ndcg@20", p.ndcg20());
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("split", "leave-last");
        out.put("sizes", rows);
        return out;
    }
}
