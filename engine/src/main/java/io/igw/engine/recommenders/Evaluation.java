package io.igw.engine.recommenders;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.task.Job;
import io.igw.engine.task.JobContext;
import io.igw.storage.Workspace;
import io.igw.storage.models.EvaluationStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One honest protocol for every model: split each user's interactions (seeded), fit on the training part, rank
 * every item the user has not trained on (full ranking, no sampled negatives), and score the top K against the
 * held-out items. Metrics are averaged over users with held-out items, then mean and standard deviation over seeds.
 */
public final class Evaluation implements Job<Evaluation.Report> {
    /** The protocol as run. */
    public record Protocol(String split, double ratio, int k, List<Long> seeds, int users, int items, long interactions) {
    }

    /** One model's figures: means over seeds, with their standard deviations. */
    public record Result(String model, String parameters, Map<String, Double> mean, Map<String, Double> std,
                         double trainSeconds) {
    }

    public record Report(Protocol protocol, List<Result> results) {
    }

    private final Workspace workspace;
    private final List<String> models;
    private final Split.Kind split;
    private final double ratio;
    private final int k;
    private final int[] cutoffs;
    private final List<Long> seeds;

    public Evaluation(Workspace workspace, List<String> models, Split.Kind split, double ratio, int k, List<Long> seeds) {
        this(workspace, models, split, ratio, List.of(k), seeds);
    }

    /**
     * @param cutoffs the K values to measure at, from the same trained models (the first is the protocol's K, under
     *                which the results are stored)
     */
    public Evaluation(Workspace workspace, List<String> models, Split.Kind split, double ratio, List<Integer> cutoffs,
                      List<Long> seeds) {
        if (cutoffs.isEmpty()) {
            throw new InvalidSetting("k", "need at least one cut-off");
        }
        cutoffs.forEach(c -> InvalidSetting.atLeast("k", c, 1));
        if (seeds.isEmpty()) {
            throw new InvalidSetting("seeds", "need at least one seed");
        }
        models.forEach(ModelCatalog::check);
        this.workspace = workspace;
        this.models = List.copyOf(models);
        this.split = split;
        this.ratio = ratio;
        this.k = cutoffs.get(0);
        this.cutoffs = cutoffs.stream().mapToInt(Integer::intValue).distinct().toArray();
        this.seeds = List.copyOf(seeds);
    }

    @Override
    public Report run(JobContext context) throws Exception {
        context.progress(0, "reading interactions");
        Interactions all = Interactions.toLearnFrom(workspace);
        for (String model : models) { // every model before the first learns: a refusal comes at once, not hours in
            ModelTraining.checkFits(model, ModelCatalog.trainer(model, workspace), all, 0);
        }
        List<Result> results = new ArrayList<>();
        int step = 0;
        for (String model : models) {
            List<Map<String, Double>> runs = new ArrayList<>();
            double trainSeconds = 0;
            RecommenderTrainer<?> trainer = ModelCatalog.trainer(model, workspace);
            String parameters = trainer.settings().describe();
            for (long seed : seeds) {
                context.checkCancelled();
                context.progress((double) step++ / (models.size() * seeds.size()), model + ", seed " + seed);
                Split s = Split.of(all, split, ratio, seed);
                long t0 = System.nanoTime();
                Recommender r = trainer.train(s.train(), new Training(context.silent(), seed, 0, e -> {
                }));
                trainSeconds += (System.nanoTime() - t0) / 1e9;
                runs.add(Ranking.measure(r, s.train(), s.test(), cutoffs, context));
            }
            results.add(summarise(model, parameters, runs, trainSeconds / seeds.size()));
        }
        String dataVersion = all.dataVersion();
        EvaluationStore store = new EvaluationStore(workspace);
        String seedList = seeds.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (Result r : results) {
            store.save(r.model(), r.parameters(), split.label(), ratio, k, seedList, dataVersion,
                    "{\"mean\":" + Metrics.json(r.mean()) + ",\"std\":" + Metrics.json(r.std()) + "}", r.trainSeconds());
        }
        context.progress(1, "done");
        return new Report(new Protocol(split.label(), ratio, k, seeds, all.users(), all.items(), all.size()), results);
    }

    private static Result summarise(String model, String parameters, List<Map<String, Double>> runs, double trainSeconds) {
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        for (String key : runs.get(0).keySet()) {
            double m = runs.stream().mapToDouble(r -> r.get(key)).average().orElse(0);
            double v = runs.stream().mapToDouble(r -> (r.get(key) - m) * (r.get(key) - m)).sum() / Math.max(1, runs.size() - 1);
            mean.put(key, m);
            std.put(key, Math.sqrt(v));
        }
        return new Result(model, parameters, mean, std, trainSeconds);
    }
}
