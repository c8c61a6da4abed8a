package io.igw.engine.bench;

import io.igw.engine.errors.InvalidSetting;
import io.igw.engine.recommenders.Interactions;
import io.igw.engine.recommenders.Ranking;
import io.igw.engine.recommenders.Recommender;
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
 * What an online update costs and loses. On a leave-last-one-out split, the sequence model is trained on the data as
 * it stood before the newest {@code share} of the training events; then it is fine-tuned on all of them (a warm
 * start, as {@code train --continue} does) and, beside it, trained again from nothing on all of them. Both are
 * ranked on every user's last action; the bench prints each one's seconds and NDCG@10, and their ratios.
 */
public final class OnlineBenchmark implements Job<Map<String, Object>> {
    private final Workspace workspace;
    private final String size;
    private final double share;
    private final int epochs;
    private final long seed;

    public OnlineBenchmark(Workspace workspace, String size, double share, int epochs, long seed) {
        SequenceTransformer.Settings.preset(size);
        if (share <= 0 || share >= 1) {
            throw new InvalidSetting("share", "must be above 0 and below 1, not " + share);
        }
        InvalidSetting.atLeast("epochs", epochs, 0);
        this.workspace = workspace;
        this.size = size;
        this.share = share;
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        context.progress(0, "reading interactions");
        Interactions all = Interactions.toLearnFrom(workspace);
        Split split = Split.of(all, Split.Kind.LEAVE_LAST, 0.8, seed);
        Interactions now = split.train();
        Interactions before = now.upTo(now.timeAtShare(1 - share));
        SequenceTransformer.Trainer trainer = SequenceTransformer.Trainer.of(SequenceTransformer.Settings.preset(size), workspace);

        Timed old = timed(() -> trainer.train(before, training(context.part(0, 0.3, "before the newest events: "))));
        Timed tuned = timed(() -> trainer.continueFrom(old.model(), 0, before, now, training(context.part(0.3, 0.2, "fine-tuning: "))));
        Timed fresh = timed(() -> trainer.train(now, training(context.part(0.5, 0.45, "retraining on everything: "))));
        Map<String, Double> tunedFigures = Ranking.measure(tuned.model(), now, split.test(), new int[]{10, 20}, context);
        Map<String, Double> freshFigures = Ranking.measure(fresh.model(), now, split.test(), new int[]{10, 20}, context);
        Map<String, Double> oldFigures = Ranking.measure(old.model(), now, split.test(), new int[]{10, 20}, context);
        context.progress(1, "done");

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("split", "leave-last");
        out.put("size", size);
        out.put("share", share);
        out.put("events_before", before.size());
        out.put("events_new", now.size() - before.size());
        out.put("full_seconds", fresh.seconds());
        out.put("full_epochs", fresh.model().provenance().curve().size());
        out.put("fine_tune_seconds", tuned.seconds());
        out.put("fine_tune_epochs", tuned.model().provenance().curve().size());
        out.put("time_ratio", tuned.seconds() / fresh.seconds());
        out.put("full_ndcg@10", freshFigures.get("ndcg@10"));
        out.put("fine_tuned_ndcg@10", tunedFigures.get("ndcg@10"));
        out.put("stale_ndcg@10", oldFigures.get("ndcg@10"));
        out.put("ndcg_ratio", tunedFigures.get("ndcg@10") / freshFigures.get("ndcg@10"));
        out.put("full_hr@10", freshFigures.get("hr@10"));
        out.put("fine_tuned_hr@10", tunedFigures.get("hr@10"));
        return out;
    }

    private Training training(JobContext part) {
        return new Training(part, seed, epochs, e -> {
        });
    }

    private record Timed(Recommender model, double seconds) {
    }

    private interface Step {
        Recommender run() throws Exception;
    }

    private static Timed timed(Step step) throws Exception {
        long t0 = System.nanoTime();
        Recommender r = step.run();
        return new Timed(r, (System.nanoTime() - t0) / 1e9);
    }
}
